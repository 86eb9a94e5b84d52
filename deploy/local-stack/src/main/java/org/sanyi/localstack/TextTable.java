package org.sanyi.localstack;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns for the console. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    public TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    public String render(String indent) {
        int columns = rows.stream().mapToInt(row -> row.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            // The last cell of a row is never padded, so it does not widen its column.
            for (int column = 0; column < row.length - 1; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int column = 0; column < row.length; column++) {
                line.append(row[column]);
                if (column < row.length - 1) {
                    line.append(" ".repeat(widths[column] - row[column].length() + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
