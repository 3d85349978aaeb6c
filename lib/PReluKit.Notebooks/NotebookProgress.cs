using Microsoft.DotNet.Interactive;
using PReluKit.Training;

namespace PReluKit.Notebooks;

/// <summary>Shows training progress as one line in the notebook that updates in place.</summary>
public static class NotebookProgress
{
    /// <summary>A progress sink that displays, then updates, one status line per call site.</summary>
    public static IProgress<TrainingEvent> Line(string label = "training")
    {
        Action<ProgressLine>? update = null;
        var finished = 0;
        return new InlineProgress<TrainingEvent>(e =>
        {
            var text = e switch
            {
                RunStarted s => $"{label}: run {s.Index + 1}/{s.Count} — {s.Config.Activation.DisplayName}, seed {s.Seed}",
                EpochCompleted { Record.Epoch: > 0 } c => $"{label}: {c.Config.Activation.DisplayName}, seed {c.Seed}, epoch {c.Record.Epoch}: test accuracy {c.Record.TestAccuracy:P1}",
                RunFinished f => $"{label}: {++finished} runs finished (last: {f.Result.Config.Activation.DisplayName}, seed {f.Result.Seed}{(f.Skipped ? ", from disk" : "")})",
                _ => null,
            };
            if (text is null)
            {
                return;
            }

            if (update is not null)
            {
                update(new ProgressLine(text));
            }
            else if (ScriptNotebook.Current is { } script) // running as an exported script, not in a kernel
            {
                update = script.Display(new ProgressLine(text)).Update;
            }
            else
            {
                update = Kernel.display(new ProgressLine(text)).Update;
            }
        });
    }
}
