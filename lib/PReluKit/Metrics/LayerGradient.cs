namespace PReluKit.Metrics;

/// <summary>The gradient norm of one layer's parameters.</summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="Norm">√(Σ‖∇p‖²) over the layer's parameters.</param>
public sealed record LayerGradient(string Layer, double Norm);
