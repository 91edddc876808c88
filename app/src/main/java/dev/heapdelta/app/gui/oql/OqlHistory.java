package dev.heapdelta.app.gui.oql;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The queries run, newest first, and the one being written: they outlive the console's view, and the
 * queries outlive the app's run in their {@link OqlQueryStore}.
 */
public final class OqlHistory {
    static final int KEPT = 50;
    static final String FIRST_QUERY = "SELECT * FROM java.lang.String s WHERE s.value.@length > 1000";

    private final ObservableList<String> queries = FXCollections.observableArrayList();
    private final OqlQueryStore store;
    private String draft = FIRST_QUERY;

    /** The history the store kept, its newest query the draft. */
    public OqlHistory(OqlQueryStore store) {
        this.store = store;
        List<String> kept = store.load();
        queries.setAll(kept.subList(0, Math.min(KEPT, kept.size())));
        if (!queries.isEmpty()) {
            draft = queries.get(0);
        }
    }

    /** Newest first; the console lists them. */
    public ObservableList<String> queries() {
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
        store.save(List.copyOf(queries));
    }
}
