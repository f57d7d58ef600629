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
    void quote_escapesUnpairedSurrogates_soTheMessageCanBeWrittenAsUtf8_andKeepsPairs() {
        String emoji = "\uD83D\uDE00";
        assertThat(SourceText.quote("a\uD800b\uDC00" + emoji + "\uDE00\uD83D"))
                .isEqualTo("'a\\ud800b\\udc00" + emoji + "\\ude00\\ud83d'");
        String paired = "x" + emoji;
        assertThat(JsonValues.printable(paired)).isSameAs(paired);
        assertThat(JsonValues.unpairedSurrogateIndex(emoji + emoji)).isEqualTo(-1);
        assertThat(JsonValues.unpairedSurrogateIndex(emoji + "\uD800" + emoji)).isEqualTo(2);
    }

    @Test
    void quote_keepsEverythingElseAsWritten() {
        String source = "name == 'Zoë \\n' && x >= 1 ? \"\\u0041\" : '€'";
        assertThat(SourceText.quote(source)).isEqualTo("'" + source + "'");
        assertThat(JsonValues.printable(source)).isSameAs(source);
    }
}
