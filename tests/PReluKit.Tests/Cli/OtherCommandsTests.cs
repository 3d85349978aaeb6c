using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Cli;

public class OtherCommandsTests(SharedRuns runs) : IClassFixture<SharedRuns>
{
    [Fact]
    public void Plot_activations_writes_an_offline_page_with_four_charts()
    {
        var (code, output, error, _) = PlotActivations();
        Assert.True(code == 0, error);
        Assert.Contains("4 charts", output);
    }

    [ChromiumFact]
    public async Task The_activations_page_renders_offline() =>
        await ReportAssertions.RendersOfflineAsync(PlotActivations().Page, 4, "activations.png");

    [Fact]
    public void Plot_boundaries_trains_each_activation_and_writes_its_boundary()
    {
        var (code, output, error, _) = PlotBoundaries();
        Assert.True(code == 0, error);
        Assert.Contains("3 charts", output);
        var accuracies = System.Text.RegularExpressions.Regex.Matches(output, @"test accuracy (\d+\.\d) %").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, accuracies.Count);
        Assert.All(accuracies, a => Assert.True(a > 80, $"moons should be learned, got {a} %"));
    }

    [ChromiumFact]
    public async Task The_boundaries_page_renders_offline() =>
        await ReportAssertions.RendersOfflineAsync(PlotBoundaries().Page, 3, "boundaries.png");

    [Fact]
    public void Born_dead_prints_the_grid_with_intervals()
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(folder.Path, "born-dead", "--activations", "relu,prelu", "--widths", "2", "--depths", "2,30", "--trials", "300");
        Assert.True(code == 0, error);
        Assert.Contains("P(born dead), ReLU", output);
        Assert.Contains("0.000 [0.000, 0.012]", output); // PReLU: never born dead; exact upper bound for 0 of 300
    }

    [Fact]
    public void Dead_reports_at_initialisation_and_after_training()
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(folder.Path, "dead", "--epochs", "1", "--out", "dead.html");
        Assert.True(code == 0, error);
        Assert.Contains("at initialisation", output);
        Assert.Contains("after 1 epochs", output);
        Assert.Contains("fc2_act", output);
        Assert.Contains("On-rates per unit after 1 epochs", File.ReadAllText(folder.Combine("dead.html")));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Bench_measures_every_row_it_promises()
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(folder.Path, "bench", "--repeats", "1");
        Assert.True(code == 0, $"exit {code}: {error}");
        foreach (var row in new[]
                 {
                     "load Fashion-MNIST subset", "kit PReLU / TorchSharp", "kit PReLU / ReLU,", "MLP epoch: kit loop / naive",
                     "MLP epoch: PReLU", "GEMM throughput", "CNN epoch: kit loop / naive", "CNN epoch: PReLU", "RSS after epoch 1",
                     "MLP epoch: beside", "CNN epoch: beside", "OpenMP waits",
                     "born-dead grid",
                 })
        {
            Assert.Contains(row, output);
        }

        var gemm = System.Text.RegularExpressions.Regex.Match(output, @"(\d+\.\d) GFLOP/s");
        Assert.True(gemm.Success && double.Parse(gemm.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, output);
    }

    [Theory]
    [InlineData("bench --repeats 0", "--repeats")]
    [InlineData("bench --threads 0", "--threads")]
    [InlineData("born-dead --widths 2,x", "--widths")]
    [InlineData("born-dead --trials 0", "--trials")]
    [InlineData("dead --activation swish", "--activation")]
    [InlineData("plot activations --from 3 --to -3", "--from")]
    public void Bad_arguments_of_other_commands_exit_2(string arguments, string option)
    {
        using var folder = new TempFolder();
        var (code, _, error) = PreluCli.Run(folder.Path, arguments.Split(' '));
        Assert.Equal(2, code);
        Assert.Contains(option, error);
    }

    private (int Code, string Output, string Error, string Page) PlotActivations() => runs.Once("plot activations", folder =>
    {
        var (code, output, error) = PreluCli.Run(folder.Path, "plot", "activations", "--out", "family.html");
        return (code, output, error, folder.Combine("family.html"));
    });

    private (int Code, string Output, string Error, string Page) PlotBoundaries() => runs.Once("plot boundaries", folder =>
    {
        var (code, output, error) = PreluCli.Run(folder.Path, "plot", "boundaries", "--dataset", "moons", "--epochs", "30", "--out", "b.html");
        return (code, output, error, folder.Combine("b.html"));
    });
}
