package se.conformance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscapingTest {

    @ParameterizedTest(name = "html: [{0}]")
    @CsvSource(delimiter = '§', quoteCharacter = '^', value = {
            "plain text § plain text",
            "åäö Nivå 5 § åäö Nivå 5",
            "<script>alert(1)</script> § &lt;script&gt;alert(1)&lt;/script&gt;",
            "a & b § a &amp; b",
            "&amp; already § &amp;amp; already",
            "\" onmouseover=\"x § &quot; onmouseover=&quot;x",
            "it's § it&#39;s",
            "^^ § ^^"})
    void html_escape(String input, String expected) {
        assertThat(Html.escape(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "markdown: [{0}]")
    @CsvSource(delimiter = '§', quoteCharacter = '^', value = {
            "plain text § plain text",
            "a | b § a \\| b",
            "*bold* _it_ § \\*bold\\* \\_it\\_",
            "[link](http://x) § \\[link\\](http://x)",
            "<b>raw</b> § &lt;b&gt;raw&lt;/b&gt;",
            "`code` § \\`code\\`",
            "# heading § \\# heading",
            "back\\slash § back\\\\slash"})
    void markdown_escape(String input, String expected) {
        assertThat(Markdown.escape(input)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void markdown_escape_keeps_a_cell_on_one_line() {
        assertThat(Markdown.escape("line one\r\nline two")).isEqualTo("line one line two");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Markdown.escape(null)).isEmpty();
    }
}
