using MathNet.Numerics.Distributions;

namespace PReluKit.Statistics;

/// <summary>A proportion with its exact (Clopper–Pearson) confidence interval.</summary>
/// <param name="Successes">Events counted.</param>
/// <param name="Trials">Trials run.</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
public sealed record BinomialInterval(int Successes, int Trials, double Lower, double Upper)
{
    /// <summary>The observed proportion.</summary>
    public double Proportion => Trials == 0 ? double.NaN : (double)Successes / Trials;

    /// <summary>The Clopper–Pearson interval at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentException">Trials ≤ 0 or successes outside 0..trials.</exception>
    public static BinomialInterval Of(int successes, int trials, double level = 0.95)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentException($"BinomialInterval: need 0 ≤ successes ≤ trials and trials ≥ 1, got {successes} of {trials}.");
        }

        var alpha = 1 - level;
        var lower = successes == 0 ? 0 : Beta.InvCDF(successes, trials - successes + 1, alpha / 2);
        var upper = successes == trials ? 1 : Beta.InvCDF(successes + 1, trials - successes, 1 - (alpha / 2));
        return new BinomialInterval(successes, trials, lower, upper);
    }
}
