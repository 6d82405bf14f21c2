using System.Text;
using Evaluators.Data;
using Evaluators.Data.Csv;

namespace Evaluators.Tests.Data.Csv;

public class CsvRegressionFileTests
{
    [Fact]
    public void The_last_column_is_the_target_and_the_others_are_inputs()
    {
        using var dir = new TempDir();
        var t = CsvRegressionFile.Read(CsvFiles.Write(dir, CsvFiles.Table(12)));
        Assert.Equal(["a", "b"], t.InputNames);
        Assert.Equal("y", t.TargetName);
        Assert.Equal(12, t.Rows);
        Assert.Equal([5.0, 10.0], t.X.Skip(10).Take(2));
        Assert.Equal(15.5, t.Y[5]);
    }

    [Fact]
    public void A_named_target_can_be_any_column()
    {
        using var dir = new TempDir();
        var t = CsvRegressionFile.Read(CsvFiles.Write(dir, CsvFiles.Table(12)), target: "a");
        Assert.Equal(["b", "y"], t.InputNames);
        Assert.Equal("a", t.TargetName);
        Assert.Equal(7.0, t.Y[7]);
        Assert.Equal([14.0, 21.5], t.X.Skip(14).Take(2));
    }

    [Fact]
    public void Quotes_whitespace_a_bom_crlf_exponents_and_blank_lines_are_read()
    {
        using var dir = new TempDir();
        var sb = new StringBuilder("\uFEFF \"x, one\" ,\t\"he said \"\"y\"\"\"  \r\n");
        for (int i = 0; i < 10; i++) sb.Append($"  \"{i}\" , -{i}.5e1 \r\n");
        sb.Append("\r\n\r\n   \n");
        var t = CsvRegressionFile.Read(CsvFiles.Write(dir, sb.ToString()));
        Assert.Equal(["x, one"], t.InputNames);
        Assert.Equal("he said \"y\"", t.TargetName);
        Assert.Equal(10, t.Rows);
        Assert.Equal(3.0, t.X[3]);
        Assert.Equal(-35.0, t.Y[3]);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_later_lines_are_still_counted()
    {
        using var dir = new TempDir();
        string text = "\"first\ncolumn\",y\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"{i},{i}\n")) + "1,oops\n";
        var e = Assert.Throws<DatasetException>(() => CsvRegressionFile.Read(CsvFiles.Write(dir, text)));
        Assert.StartsWith($"{dir.File("data.csv")}:13: 'oops' in column 'y' (column 2) is not a number", e.Message);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        // ragged rows
        { CsvFiles.WithLine(5, "3,6"), ":5: the row has 2 fields, the header has 3" },
        { CsvFiles.WithLine(9, "7,14,21.5,0"), ":9: the row has 4 fields, the header has 3" },
        // values that are not (finite) numbers
        { CsvFiles.WithLine(7, "5,abc,15.5"), ":7: 'abc' in column 'b' (column 2) is not a number" },
        { CsvFiles.WithLine(3, "-,2,3"), ":3: '-' in column 'a' (column 1) is not a number" },
        { CsvFiles.WithLine(4, "2,4,"), ":4: an empty field in column 'y' (column 3); expected a number" },
        { CsvFiles.WithLine(6, "1,2;5,3"), ":6: '2;5' in column 'b' (column 2) is not a number" },
        { CsvFiles.WithLine(8, "NaN,2,3"), ":8: 'NaN' in column 'a' (column 1) is not a finite number" },
        { CsvFiles.WithLine(2, "1,1e999,3"), ":2: '1e999' in column 'b' (column 2) is not a finite number" },
        { CsvFiles.WithLine(11, "1,\"2\"x,3"), ":11: 'x' after the closing quote of field 2; expected a comma or the end of the line" },
        { CsvFiles.WithLine(12, "1,\"2,3"), ":12: field 2 opens a quote that is never closed" },
        // too few rows: named at the last row, with the minimum
        { CsvFiles.Table(9), ":10: only 9 data rows after the header; at least 10 are needed for a train/validation/test split" },
        { "a,b,y\n", ":1: only 0 data rows after the header; at least 10 are needed" },
        // headers
        { CsvFiles.WithLine(1, "a,a,y"), ":1: column 2 of the header repeats the name 'a' of column 1; names must differ" },
        { CsvFiles.WithLine(1, "a,,y"), ":1: column 2 of the header has no name; every column needs one" },
        { "\n\ny\n" + string.Concat(Enumerable.Repeat("1\n", 12)), ":3: the header names one column ('y'); expected at least two: inputs and a target" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_named_at_its_line_with_what_was_expected(string text, string expected)
    {
        using var dir = new TempDir();
        string path = CsvFiles.Write(dir, text);
        var e = Assert.Throws<DatasetException>(() => CsvRegressionFile.Read(path));
        Assert.Equal(path, e.Path);
        Assert.StartsWith(path + expected, e.Message);
    }

    [Fact]
    public void A_missing_target_column_names_the_columns_there_are()
    {
        using var dir = new TempDir();
        string path = CsvFiles.Write(dir, CsvFiles.Table());
        var e = Assert.Throws<DatasetException>(() => CsvRegressionFile.Read(path, target: "Y"));
        Assert.Equal($"{path}:1: no target column 'Y'; the columns are 'a', 'b', 'y'", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \r\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_says_what_it_should_hold(string text)
    {
        using var dir = new TempDir();
        string path = CsvFiles.Write(dir, text);
        var e = Assert.Throws<DatasetException>(() => CsvRegressionFile.Read(path));
        Assert.Equal($"{path}: the file is empty; expected a header line naming the columns, then at least 10 rows of numbers", e.Message);
    }

    [Fact]
    public void A_missing_file_and_a_file_that_is_not_utf8_are_named()
    {
        using var dir = new TempDir();
        string missing = dir.File("nope.csv");
        Assert.Equal($"{missing}: file not found", Assert.Throws<DatasetException>(() => CsvRegressionFile.Read(missing)).Message);

        string latin1 = dir.File("latin1.csv");
        File.WriteAllBytes(latin1, [.. Encoding.ASCII.GetBytes("caf"), 0xE9, .. Encoding.ASCII.GetBytes(",y\n")]);
        Assert.StartsWith($"{latin1}: not UTF-8 text", Assert.Throws<DatasetException>(() => CsvRegressionFile.Read(latin1)).Message);
    }
}
