using System.Runtime.CompilerServices;

namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A fact that runs deploy/k8s/validate/check.mjs; skipped, saying what to install, where Node.js or the validator's npm
/// packages are missing (<c>.ci/run</c> installs both and fails on any skip).
/// </summary>
public sealed class ManifestValidatorFactAttribute : FactAttribute
{
    public ManifestValidatorFactAttribute([CallerFilePath] string file = "", [CallerMemberName] string test = "") =>
        (Skip, DisplayName) = SkipLine.For(file, test, SkipReason);

    /// <summary>Null when the validator can run.</summary>
    public static string? SkipReason =>
        !ExecutableOnPath("node") ? "needs Node.js (Debian's nodejs and npm), then npm ci --prefix deploy/k8s/validate; .ci/run does both"
        : !Directory.Exists(RepositoryRoot.Combine("deploy", "k8s", "validate", "node_modules", "kubernetes-types"))
            ? "needs the validator's packages: npm ci --prefix deploy/k8s/validate (.ci/run runs it)"
            : null;

    private static bool ExecutableOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, name)));
}
