package dev.ludus.core.internal.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ludus.core.internal.util.JsonValues;
import org.junit.jupiter.api.Test;

/** Source text in messages stays on one line. */
class SourceTextTest {

    @Test
    void quote_escapesControlCharactersAndLineSeparators() {
        assertThat(SourceText.quote("a\nb\r\tc\u0000\u001f\u007f\u0085\u2028\u2029"))
                .isEqualTo("'a\\nb\\r\\tc\\u0000\\u001f\\u007f\\u0085\\u2028\\u2029'");
    }

    @Test
    void quote_keepsEverythingElseAsWritten() {
        String source = "name == 'Zoë \\n' && x >= 1 ? \"\\u0041\" : '€'";
        assertThat(SourceText.quote(source)).isEqualTo("'" + source + "'");
        assertThat(JsonValues.printable(source)).isSameAs(source);
    }
}
