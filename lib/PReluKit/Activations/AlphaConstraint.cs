namespace PReluKit.Activations;

/// <summary>
/// A box constraint on α, applied as a projection after each optimiser step (as Keras applies
/// <c>alpha_constraint</c>), so gradients inside the box are never clipped.
/// </summary>
/// <param name="Min">The smallest allowed α.</param>
/// <param name="Max">The largest allowed α.</param>
public sealed record AlphaConstraint(double Min, double Max)
{
    /// <summary>α ∈ [0, 1]: the unit stays monotone and never steeper on the negative side than on the positive.</summary>
    public static AlphaConstraint UnitInterval { get; } = new(0, 1);

    /// <summary>Checks the bounds when constructed.</summary>
    public double Min { get; } = double.IsNaN(Min) || Min > Max
        ? throw new ArgumentException($"AlphaConstraint: Min must be a number no larger than Max, got Min = {Min}, Max = {Max}.", nameof(Min))
        : Min;
}
