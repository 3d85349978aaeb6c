using System.Reflection;
using PReluKit.Cli;
using PReluKit.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("prelu");
    // `prelu --version`: the package version and the commit it was built from (the SDK adds it to the informational version).
    config.SetApplicationVersion(typeof(CliHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
    config.AddCommand<CompareCommand>("compare")
        .WithDescription("The main job: ReLU vs Leaky ReLU vs PReLU over several seeds, with CIs, CSVs and an offline HTML report.");
    config.AddCommand<DeadCommand>("dead")
        .WithDescription("Dead-neuron report (dead, τ-dormant, on-rate per layer) at initialisation and after training.");
    config.AddCommand<BornDeadCommand>("born-dead")
        .WithDescription("Monte Carlo probability that a deep narrow net is constant at initialisation.");
    config.AddBranch("plot", plot =>
    {
        plot.SetDescription("Charts as offline HTML.");
        plot.AddCommand<PlotActivationsCommand>("activations").WithDescription("f(x) and f′(x) of the family, the seed figure, PReLU over α.");
        plot.AddCommand<PlotBoundariesCommand>("boundaries").WithDescription("Decision boundaries of small ReLU / Leaky / PReLU nets on a 2-D set.");
    });
    config.AddBranch("notebooks", notebooks =>
    {
        notebooks.SetDescription("The Polyglot notebooks, readable without VS Code.");
        notebooks.AddCommand<NotebooksRenderCommand>("render").WithDescription("Execute every notebook headless; write a course site of offline HTML pages.");
        notebooks.AddCommand<NotebooksExportCommand>("export").WithDescription("Export every notebook as a .NET 10 file-based app that writes the same page (--script).");
    });
    config.AddCommand<DemoCommand>("demo")
        .WithDescription("Train tiny ReLU, Leaky ReLU and PReLU nets on two spirals and show what PReLU learns.");
    config.AddCommand<BenchCommand>("bench")
        .WithDescription("Measure data loading, PReLU against TorchSharp's and ReLU, the training loop, GEMM share, memory and the born-dead grid.");
    config.AddCommand<NumericsCommand>("numerics")
        .WithDescription("This machine's numerics fingerprint at a thread count (the one recorded experiments keep).");
    config.AddBranch("data", data =>
    {
        data.SetDescription("Fashion-MNIST: inspect the data, regenerate the shipped subset.");
        data.AddCommand<DataInfoCommand>("info").WithDescription("Where the data is found, class balance, load time.");
        data.AddCommand<DataSubsetCommand>("subset").WithDescription("Regenerate data/fashion-mnist-subset from the full set.");
    });
});
return await CliHost.RunAsync(app, args);
