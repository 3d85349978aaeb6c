using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace PReluKit.Reports;

/// <summary>Where and with what a comparison ran, for the report.</summary>
/// <param name="Kit">PReluKit's version.</param>
/// <param name="TorchSharp">TorchSharp's version.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="OperatingSystem">OS description.</param>
/// <param name="Cores">Logical processors.</param>
/// <param name="TorchThreads">TorchSharp's intra-op threads.</param>
/// <param name="Data">The data set used.</param>
/// <param name="CommandLine">The command that produced the results.</param>
public sealed record RunEnvironment(string Kit, string TorchSharp, string Runtime, string OperatingSystem, int Cores, int TorchThreads,
                                    string Data, string CommandLine)
{
    /// <summary>Reads the environment of this process.</summary>
    public static RunEnvironment Capture(string data, string commandLine) => new(
        typeof(RunEnvironment).Assembly.GetName().Version?.ToString() ?? "?",
        typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?",
        RuntimeInformation.FrameworkDescription,
        $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
        Environment.ProcessorCount,
        get_num_threads(),
        data,
        commandLine);

    /// <summary>The fields as (name, value) rows.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows() =>
    [
        ["command", CommandLine], ["data", Data], ["PReluKit", Kit], ["TorchSharp", TorchSharp], [".NET", Runtime],
        ["OS", OperatingSystem], ["cores", Cores.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ["torch threads", TorchThreads.ToString(System.Globalization.CultureInfo.InvariantCulture)],
    ];
}
