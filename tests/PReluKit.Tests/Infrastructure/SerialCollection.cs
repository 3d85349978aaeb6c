namespace PReluKit.Tests.Infrastructure;

/// <summary>Tests that read process-wide counters (live tensors) run alone, not beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
