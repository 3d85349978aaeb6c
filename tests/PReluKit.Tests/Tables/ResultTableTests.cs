using PReluKit.Tables;

namespace PReluKit.Tests.Tables;

/// <summary>A result table prints as text a person can read: title, aligned columns under a rule, terminal columns only.</summary>
public class ResultTableTests
{
    [Fact]
    public void ToString_prints_the_title_and_aligned_columns_under_a_rule()
    {
        var table = new ResultTable(
            "Dead units",
            [new ResultColumn("layer"), new ResultColumn("dead", RightAligned: true), new ResultColumn("per-unit detail", Shown: TableMedium.Page)],
            [["fc1_act", "3", "…"], ["fc2_act", "120", "…"]]);

        Assert.Equal(
            string.Join(Environment.NewLine,
                "Dead units",
                "layer    dead",
                "-------  ----",
                "fc1_act     3",
                "fc2_act   120"),
            table.ToString());
    }

    [Fact]
    public void A_table_without_a_title_starts_with_its_header()
    {
        var table = ResultTable.Plain("", ["a", "b"], [["1", "2"]]);
        Assert.Equal($"a  b{Environment.NewLine}-  -{Environment.NewLine}1  2", table.ToString());
    }
}
