using PReluKit.Activations;
using PReluKit.Statistics;

namespace PReluKit.Summaries;

/// <summary>
/// One claim of the seed article, judged from a comparison's paired contrasts against δ: the claim, the contrast it rests
/// on, the verdict's kind and a sentence with the numbers. The CLI, the report and the notebooks all print these.
/// </summary>
/// <param name="Statement">The claim: the seed article's own words in quotation marks, then the contrast that tests it.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Evidence">The contrast and verdict it rests on, when tested.</param>
public sealed record Claim(string Statement, ClaimStatus Status, Verdict? Evidence)
{
    /// <summary>The claims a comparison can test: a considerable rise in accuracy, unlike Leaky ReLU, and learning α "without the additional computational overhead".</summary>
    public static IReadOnlyList<Claim> Evaluate(ComparisonSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var preluVsRelu = summary.Find(ActivationKind.PReLUChannelWise, ActivationKind.ReLU);
        var preluVsLeaky = summary.Find(ActivationKind.PReLUChannelWise, ActivationKind.LeakyReLU);
        return
        [
            Rise(RiseStatement + " (PReLU against ReLU)", preluVsRelu?.Accuracy),
            Rise("… \"unlike Leaky ReLU\" (PReLU against Leaky ReLU)", preluVsLeaky?.Accuracy),
            NoOverhead(OverheadStatement + " (PReLU against ReLU, epoch time)", preluVsRelu?.Time),
        ];
    }

    /// <summary>
    /// The seed article's accuracy claim, its words quoted exactly ("What is Parametric ReLU?", M. Nabeel: "Parametric ReLU
    /// gives a considerable rise in the accuracy of a model, unlike Leaky ReLU"), judged against δ.
    /// </summary>
    public const string RiseStatement = "Parametric ReLU gives \"a considerable rise in the accuracy of a model\"";

    /// <summary>
    /// The seed article's cost claim, its words quoted exactly ("Learning the parameter, αᵢ boosts the model's accuracy without
    /// the additional computational overhead"), judged on epoch time against δ = 5 %.
    /// </summary>
    public const string OverheadStatement = "Learning α comes \"without the additional computational overhead\"";

    /// <summary>"… : inconclusive at this scale — +0.23 points [−1.04, +1.50] …".</summary>
    public string Reading => Evidence is null
        ? $"{Statement}: not tested (the comparison lacks the activations it needs)."
        : Evidence.Kind == VerdictKind.NotCompared || Evidence.TooFewPairs ? $"{Statement}: not judged here — {Evidence.Text}"
        : $"{Statement}: {Status switch { ClaimStatus.Supported => "supported", ClaimStatus.NotSupported => "not supported", _ => Evidence.Kind == VerdictKind.Unsettled ? "not settled (the interval excludes 0, but its size is undecided against δ)" : "inconclusive at this scale" }} — {Evidence.Text}";

    /// <summary>A rise of at least δ is the claim: the whole interval above δ supports it; an interval below δ rules it out.</summary>
    private static Claim Rise(string statement, Verdict? verdict) => new(statement, verdict?.Kind switch
    {
        null or VerdictKind.NotCompared => ClaimStatus.NotTested,
        _ when verdict.TooFewPairs => ClaimStatus.NotTested,
        VerdictKind.AboveDelta => ClaimStatus.Supported,
        VerdictKind.BelowDelta or VerdictKind.Equivalent or VerdictKind.Small => ClaimStatus.NotSupported,
        VerdictKind.Unsettled when verdict.Effect.Estimate < 0 => ClaimStatus.NotSupported,
        _ => ClaimStatus.Inconclusive,
    }, verdict);

    /// <summary>
    /// "<paramref name="statement"/>", judged as a claim of no more than δ of extra time: an interval inside +δ supports it,
    /// one above +δ rules it out. Public for measurements made outside a comparison (notebook 5's epoch benchmark).
    /// </summary>
    public static Claim NoOverhead(string statement, Verdict? verdict) => new(statement, verdict?.Kind switch
    {
        null or VerdictKind.NotCompared => ClaimStatus.NotTested,
        _ when verdict.TooFewPairs => ClaimStatus.NotTested,
        VerdictKind.Equivalent or VerdictKind.Small or VerdictKind.BelowDelta => ClaimStatus.Supported,
        VerdictKind.AboveDelta => ClaimStatus.NotSupported,
        VerdictKind.Unsettled when verdict.Effect.Estimate < 0 => ClaimStatus.Supported,
        _ => ClaimStatus.Inconclusive,
    }, verdict);
}
