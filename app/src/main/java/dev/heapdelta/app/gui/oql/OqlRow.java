package dev.heapdelta.app.gui.oql;

import dev.heapdelta.app.gui.session.ObjectRef;
import java.util.List;

/**
 * One row of the console's result table.
 *
 * @param object the object the row drills down to: the result object, or a table row's first object; or null
 * @param cells the row's values as text, one per column
 */
public record OqlRow(ObjectRef object, List<String> cells) {
}
