using System.ComponentModel;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace PReluKit.Cli.Settings;

/// <summary>Options of commands that train or time models: <c>--data</c> and <c>--threads</c>.</summary>
internal class ComputeSettings : DataSettings
{
    [CommandOption("--threads <N>")]
    [OptionRange(1, 1024)]
    [Description("Intra-op threads for TorchSharp (default: one per core).")]
    public int? Threads { get; init; }

    /// <summary>Loads the native libraries and applies <c>--threads</c>; call before any torch work.</summary>
    public void StartTorch()
    {
        Native.TorchNative.EnsureLoaded();
        if (Threads is { } threads)
        {
            set_num_threads(threads);
        }
    }
}
