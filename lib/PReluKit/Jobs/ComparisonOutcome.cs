using PReluKit.Summaries;

namespace PReluKit.Jobs;

/// <summary>What summarising a finished comparison wrote and found.</summary>
/// <param name="Summary">Mean ± 95 % CI per activation, paired contrasts and verdicts.</param>
/// <param name="CsvFiles">The CSV files written.</param>
/// <param name="Report">The offline HTML report's path.</param>
/// <param name="Charts">Charts in the report.</param>
/// <param name="Claims">The claims of the comparison, each with what the evidence says.</param>
public sealed record ComparisonOutcome(ComparisonSummary Summary, IReadOnlyList<string> CsvFiles, string Report, int Charts, IReadOnlyList<Claim> Claims);
