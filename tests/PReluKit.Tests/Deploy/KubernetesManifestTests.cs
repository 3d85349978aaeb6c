using System.Runtime.Versioning;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Deploy;

/// <summary>
/// deploy/k8s/ as an admin would apply it: every manifest checks out offline against the Kubernetes 1.29 API and the
/// restricted Pod Security Standard (deploy/k8s/validate/check.mjs), the check refuses each kind of mistake it exists for,
/// and the merge's first container waits for the shards' Job, going on when it is Complete and failing when it is Failed.
/// </summary>
public class KubernetesManifestTests
{
    private static readonly string Manifests = RepositoryRoot.Combine("deploy", "k8s");

    [ManifestValidatorFact]
    public void Every_manifest_checks_out_against_the_kubernetes_1_29_api_and_the_restricted_pod_security_standard()
    {
        var files = Directory.GetFiles(Manifests, "*.yaml").Order().ToArray();
        Assert.Equal(["compare-shards.yaml", "merge-rbac.yaml", "merge.yaml", "results-pvc.yaml"], files.Select(Path.GetFileName));

        var (exitCode, output, error) = Check(files);

        Assert.True(exitCode == 0, $"check.mjs: exit {exitCode}\n{output}\n{error}");
        Assert.Contains("ok compare-shards.yaml (Job/prelu-shards)", output);
        Assert.Contains("ok merge.yaml (Job/prelu-merge)", output);
        Assert.Contains("ok results-pvc.yaml (PersistentVolumeClaim/prelu-results)", output);
        Assert.Contains("ok merge-rbac.yaml (ServiceAccount/prelu-merge, Role/prelu-merge-reads-jobs, RoleBinding/prelu-merge-reads-jobs)", output);
    }

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "compare-shards.yaml", "backoffLimitPerIndex: 2", "backoffLimitPerIndx: 2", "'\"backoffLimitPerIndx\"' does not exist in type 'JobSpec'. (at spec.backoffLimitPerIndx)" },
        { "compare-shards.yaml", "  parallelism: 8", "  parallelism: 8\n  managedBy: kueue", "'\"managedBy\"' does not exist in type 'JobSpec'" },
        { "compare-shards.yaml", "cpu: \"4\", memory: 8Gi }\n          securityContext", "cpu: 4, memory: 8Gi }\n          securityContext", "Type 'number' is not assignable to type 'string'. (at spec.template.spec.containers.resources.limits.cpu)" },
        { "compare-shards.yaml", "drop: [ALL]", "drop: [NET_RAW]", "container shard: must drop ALL capabilities" },
        { "compare-shards.yaml", "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true", "container shard: must set allowPrivilegeEscalation: false" },
        { "compare-shards.yaml", "runAsNonRoot: true", "runAsNonRoot: false", "container shard: must set runAsNonRoot: true" },
        { "compare-shards.yaml", "seccompProfile: { type: RuntimeDefault }", "seccompProfile: { type: Unconfined }", "seccompProfile.type is \"Unconfined\"" },
        { "compare-shards.yaml", "kubernetes.io/arch: amd64", "kubernetes.io/arch: arm64", "needs nodeSelector kubernetes.io/arch: amd64" },
        { "compare-shards.yaml", $"registry.example.org/prelukit:{KitVersion.Prefix}", "prelukit:latest", "image prelukit:latest must name its registry and a version tag" },
        { "compare-shards.yaml", "imagePullPolicy: IfNotPresent", "imagePullPolicy: Always", "imagePullPolicy is \"Always\"; expected one of IfNotPresent" },
        { "compare-shards.yaml", "fieldPath: spec.nodeName", "fieldPath: metadata.name", "container shard: runs shards, so needs env PRELUKIT_NODE_NAME from fieldRef spec.nodeName" },
        { "merge.yaml", "limits: { cpu: 200m, memory: 128Mi }", "limits: { cpu: 200m }", "container wait-for-shards: needs resources.limits for cpu and memory" },
        { "merge.yaml", "persistentVolumeClaim: { claimName: prelu-results }", "hostPath: { path: /srv/results }", "volume results: hostPath is not allowed" },
        { "results-pvc.yaml", "accessModes: [ReadWriteMany]", "accessModes: [ReadWriteOnce]", "accessModes must include ReadWriteMany" },
    };

    [ManifestValidatorFact]
    public void The_check_refuses_each_mistake_it_exists_for_and_says_where()
    {
        // One broken copy per mistake, all checked in one run (each run starts TypeScript).
        using var folder = new TempFolder();
        var copies = Mistakes.Select((mistake, i) =>
        {
            var (file, good, bad, expected) = ((string)mistake[0], (string)mistake[1], (string)mistake[2], (string)mistake[3]);
            var text = File.ReadAllText(Path.Combine(Manifests, file));
            Assert.Contains(good, text);
            var copy = Path.Combine(folder.Path, $"mistake{i:00}-{file}");
            File.WriteAllText(copy, text.Replace(good, bad, StringComparison.Ordinal));
            return (Name: Path.GetFileName(copy), Expected: expected);
        }).ToList();

        var (exitCode, output, error) = Check(copies.Select(c => Path.Combine(folder.Path, c.Name)));

        Assert.True(exitCode == 1, $"check.mjs: exit {exitCode}\n{output}\n{error}");
        var lines = error.Split('\n');
        Assert.All(copies, copy => Assert.True(lines.Any(line => line.StartsWith($"{copy.Name}: ", StringComparison.Ordinal) && line.Contains(copy.Expected, StringComparison.Ordinal)),
                                               $"no line for {copy.Name} says {copy.Expected}:\n{error}"));
        Assert.DoesNotContain("ok ", output);
    }

    [Theory]
    [InlineData("Complete", 0, "job/prelu-shards is complete: every shard succeeded")]
    [InlineData("Failed", 1, "job/prelu-shards failed (failed indexes: 3); not merging")]
    [SupportedOSPlatform("linux")]
    public void The_merge_waits_while_the_shards_run_then_goes_on_when_they_completed_and_fails_when_they_failed(
        string outcome, int expectedExit, string expectedLine)
    {
        // kubectl stands in here: the Job has no true condition for its first two reads, then the outcome.
        using var folder = new TempFolder();
        var start = ChildProcess.StartInfo("bash", RepositoryRoot.Path, ["deploy/k8s/wait-for-shards.sh", "prelu-shards"]);
        StandInCommand.Install(start, folder.Path, "kubectl", $$"""
            #!/usr/bin/env bash
            echo "$*" >> "{{folder.Path}}/calls"
            case "$*" in
              *failedIndexes*) printf 3 ;;
              *) [[ $(wc -l < "{{folder.Path}}/calls") -le 2 ]] || printf '{{outcome}} ' ;;
            esac
            """);
        start.Environment["POLL_SECONDS"] = "0";

        var (exitCode, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(1));

        Assert.Equal(expectedExit, exitCode);
        Assert.Contains(expectedLine, output + error);
        var calls = File.ReadAllLines(Path.Combine(folder.Path, "calls"));
        Assert.Equal(outcome == "Failed" ? 4 : 3, calls.Length);
        Assert.All(calls, call => Assert.StartsWith("get job/prelu-shards -o jsonpath=", call));
    }

    private static (int ExitCode, string Output, string Error) Check(IEnumerable<string> files)
    {
        var start = ChildProcess.StartInfo("node", RepositoryRoot.Path, [RepositoryRoot.Combine("deploy", "k8s", "validate", "check.mjs"), .. files]);
        return ChildProcess.Run(start, TimeSpan.FromMinutes(2));
    }
}
