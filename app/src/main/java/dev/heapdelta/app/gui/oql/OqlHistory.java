package dev.heapdelta.app.gui.oql;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The queries run in this session, newest first, and the one being written: they outlive the console's view. */
public final class OqlHistory {
    static final int KEPT = 50;
    static final String FIRST_QUERY = "SELECT * FROM java.lang.String s WHERE s.value.@length > 1000";

    private final ObservableList<String> queries = FXCollections.observableArrayList();
    private String draft = FIRST_QUERY;

    ObservableList<String> queries() {
        return queries;
    }

    String draft() {
        return draft;
    }

    void setDraft(String text) {
        draft = text;
    }

    void remember(String query) {
        queries.remove(query);
        queries.add(0, query);
        if (queries.size() > KEPT) {
            queries.remove(KEPT, queries.size());
        }
    }
}
