using PReluKit.Cli;
using PReluKit.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("prelu");
    config.AddCommand<DemoCommand>("demo")
        .WithDescription("Train tiny ReLU, Leaky ReLU and PReLU nets on two spirals and show what PReLU learns.");
});
return await ExitCodes.RunAsync(app, args);
