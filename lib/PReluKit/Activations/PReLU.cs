using TorchSharp.Modules;
using PReluKit.Kernels;
using static TorchSharp.torch;

namespace PReluKit.Activations;

/// <summary>
/// Parametric ReLU, f(x) = max(0, x) + α·min(0, x), with α learned.
/// </summary>
/// <remarks>
/// <para>
/// Three layouts of α: one shared α (<see cref="Shared"/>); one α per channel on a channel dim, 1 by default as
/// in PyTorch (<see cref="ChannelWise"/>); or Keras' layout, one α per element of a sample except along
/// <c>sharedAxes</c> (<see cref="WithSharedAxes"/>). α is registered under the key <c>weight</c>, so state dicts
/// interchange with TorchSharp's <c>nn.PReLU</c> for the PyTorch layouts.
/// </para>
/// <para>
/// Whenever α has at most one axis of size above 1, the forward pass is TorchSharp's native
/// <c>functional.prelu</c> (on a moved-dim view when that axis is not dim 1); only a genuinely
/// multi-axis α uses the elementwise form. In training, the backward pass of the dim-1 and shared layouts is the kit's
/// fused kernel (<see cref="FusedBackward"/>), because libtorch's is unvectorised. The gradient at x = 0 is α, as in
/// PyTorch. NaN inputs give NaN.
/// </para>
/// </remarks>
public sealed class PReLU : nn.Module<Tensor, Tensor>
{
    private const string WeightKey = "weight";
    private readonly long[] _sampleAlphaShape;
    private readonly int _alphaAxis;

    /// <summary>
    /// Creates a PReLU with PyTorch's semantics: <paramref name="numParameters"/> is 1 (shared) or the number
    /// of channels on <paramref name="channelDim"/>.
    /// </summary>
    /// <param name="numParameters">1 for a single shared α, or the channel count.</param>
    /// <param name="init">The initial α (see <see cref="AlphaInit"/>).</param>
    /// <param name="channelDim">The input dim that holds the channels; negative counts from the end. Not 0, the batch dim.</param>
    /// <param name="constraint">An optional box for α, applied by <see cref="ProjectAlpha"/>.</param>
    /// <param name="name">The layer's name, used in error messages.</param>
    /// <exception cref="ArgumentException">numParameters ≤ 0, channelDim = 0, or init is not finite.</exception>
    public PReLU(long numParameters = 1, double init = AlphaInit.He, int channelDim = 1,
                 AlphaConstraint? constraint = null, string name = "PReLU")
        : this(name, constraint, init, CheckCount(numParameters, name), CheckChannelDim(channelDim, name))
    {
    }

    private PReLU(string name, AlphaConstraint? constraint, double init, long[] alphaShape, int channelDim)
        : base(name)
    {
        Native.TorchNative.EnsureLoaded();
        if (!double.IsFinite(init))
        {
            throw new ArgumentException($"PReLU '{name}': init must be a finite number, got {init}.", nameof(init));
        }

        ChannelDim = channelDim;
        Constraint = constraint;
        _sampleAlphaShape = alphaShape;
        var nonUnit = alphaShape.Select((size, axis) => (size, axis)).Where(p => p.size != 1).ToList();
        _alphaAxis = nonUnit.Count == 1 ? nonUnit[0].axis : -1;
        register_parameter(WeightKey, new Parameter(full(alphaShape, init, float32)));
    }

    /// <summary>α. Its key in the state dict is <c>weight</c>.</summary>
    /// <remarks>Read from the registry each time, because <c>Module.to(…)</c> replaces parameter objects.</remarks>
    public Parameter Weight => get_parameter(WeightKey)!;

    /// <summary>The input dim that holds the channels for the PyTorch layouts; 0 for the Keras layout.</summary>
    public int ChannelDim { get; }

    /// <summary>The box α is projected into after each step, if any.</summary>
    public AlphaConstraint? Constraint { get; }

    /// <summary>
    /// When true (the default), training passes on contiguous float32 CPU inputs of at least
    /// <see cref="PReluBackwardKernel.MinimumElements"/> elements with α shared or on dim 1 use the kit's fused backward
    /// (<see cref="PReluBackwardKernel"/>) instead of libtorch's unvectorised one; the forward is libtorch's either way.
    /// Set false for second derivatives (<c>create_graph</c>), which only the native path supports.
    /// </summary>
    public bool FusedBackward { get; set; } = true;

    /// <summary>True when one α is shared by the whole layer.</summary>
    public bool IsShared => Weight.numel() == 1;

    /// <summary>True when α follows Keras' layout (per-sample shape with shared axes of size 1).</summary>
    public bool IsKerasLayout => ChannelDim == 0;

    /// <summary>One α for the whole layer.</summary>
    public static PReLU Shared(double init = AlphaInit.He, AlphaConstraint? constraint = null, string name = "PReLU") =>
        new(1, init, 1, constraint, name);

    /// <summary>One α per channel on <paramref name="channelDim"/> (1 for N×C and N×C×H×W; −1 for N×H×W×C).</summary>
    public static PReLU ChannelWise(long channels, int channelDim = 1, double init = AlphaInit.He,
                                    AlphaConstraint? constraint = null, string name = "PReLU") =>
        new(channels, init, channelDim, constraint, name);

    /// <summary>
    /// Keras' layout: α has the shape of one sample (<paramref name="sampleShape"/>, the input shape without the
    /// batch dim), except that the axes in <paramref name="sharedAxes"/> have size 1. Axes count from 1 as in
    /// Keras (axis 0 is the batch): for N×H×W×C maps, <c>sharedAxes = [1, 2]</c> gives one α per channel.
    /// </summary>
    /// <exception cref="ArgumentException">An empty or non-positive sample shape, or a shared axis out of 1..rank.</exception>
    public static PReLU WithSharedAxes(IReadOnlyList<long> sampleShape, IReadOnlyList<int> sharedAxes,
                                       double init = AlphaInit.He, AlphaConstraint? constraint = null, string name = "PReLU")
    {
        ArgumentNullException.ThrowIfNull(sampleShape);
        ArgumentNullException.ThrowIfNull(sharedAxes);
        if (sampleShape.Count == 0 || sampleShape.Any(s => s <= 0))
        {
            throw new ArgumentException(
                $"PReLU '{name}': sampleShape must be the non-empty, positive shape of one sample, got {Shapes.Format(sampleShape)}.",
                nameof(sampleShape));
        }

        var alphaShape = sampleShape.ToArray();
        foreach (var axis in sharedAxes)
        {
            if (axis < 1 || axis > sampleShape.Count)
            {
                throw new ArgumentException(
                    $"PReLU '{name}': shared axis {axis} is out of range; expected 1..{sampleShape.Count} for samples of shape " +
                    $"{Shapes.Format(sampleShape)} (axis 0 is the batch).", nameof(sharedAxes));
            }

            alphaShape[axis - 1] = 1;
        }

        return new PReLU(name, constraint, init, alphaShape, channelDim: 0);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (IsShared)
        {
            return Prelu(input, Weight);
        }

        return IsKerasLayout ? ForwardKeras(input) : ForwardChannelWise(input, ChannelDim, Weight);
    }

    /// <summary>Clamps α into <see cref="Constraint"/> in place; does nothing without a constraint.</summary>
    public void ProjectAlpha()
    {
        if (Constraint is null)
        {
            return;
        }

        using var noGrad = no_grad();
        Weight.clamp_(Constraint.Min, Constraint.Max);
    }

    private Tensor ForwardChannelWise(Tensor input, int channelDim, Tensor alpha)
    {
        var rank = (int)input.dim();
        var dim = channelDim < 0 ? channelDim + rank : channelDim;
        if (dim < 1 || dim >= rank)
        {
            throw new ArgumentException(
                $"PReLU '{GetName()}': channel dim {channelDim} is out of range for input of shape {Shapes.Format(input.shape)} " +
                $"(rank {rank}); expected a dim in 1..{rank - 1} or -{rank - 1}..-1.", nameof(input));
        }

        if (input.shape[dim] != alpha.numel())
        {
            throw new ArgumentException(
                $"PReLU '{GetName()}': expected {alpha.numel()} channels on dim {channelDim} (α has shape {Shapes.Format(Weight.shape)}), " +
                $"got input of shape {Shapes.Format(input.shape)}.", nameof(input));
        }

        if (dim == 1)
        {
            return Prelu(input, alpha);
        }

        // The native kernel wants channels on dim 1; moving the dim is a view, not a copy.
        using var moved = input.movedim([dim], [1]);
        using var result = nn.functional.prelu(moved, alpha);
        return result.movedim([1], [dim]);
    }

    /// <summary>True when a call on <paramref name="input"/> with α on dim 1 (or shared) takes the fused backward.</summary>
    internal bool UsesFusedBackward(Tensor input, Tensor alpha) =>
        FusedBackward && is_grad_enabled() && (input.requires_grad || alpha.requires_grad) &&
        input.dtype == ScalarType.Float32 && alpha.dtype == ScalarType.Float32 &&
        input.device_type == TorchSharp.DeviceType.CPU && input.numel() >= PReluBackwardKernel.MinimumElements &&
        input.is_contiguous() && TensorData.IsAvailable;

    /// <summary>PReLU with α on dim 1 (or shared): the fused backward where it applies, else libtorch's.</summary>
    private Tensor Prelu(Tensor input, Tensor alpha) =>
        UsesFusedBackward(input, alpha) ? FusedPReluFunction.apply(input, alpha) : nn.functional.prelu(input, alpha);

    private Tensor ForwardKeras(Tensor input)
    {
        var rank = (int)input.dim();
        var sample = input.shape.Skip(1).ToArray();
        var fits = rank == _sampleAlphaShape.Length + 1 &&
                   _sampleAlphaShape.Zip(sample).All(p => p.First == 1 || p.First == p.Second);
        if (!fits)
        {
            throw new ArgumentException(
                $"PReLU '{GetName()}': α has shape {Shapes.Format(_sampleAlphaShape)} per sample, which does not fit input of shape " +
                $"{Shapes.Format(input.shape)}; expected (N, {string.Join(", ", _sampleAlphaShape.Select(s => s == 1 ? "*" : s.ToString(System.Globalization.CultureInfo.InvariantCulture)))}).",
                nameof(input));
        }

        if (_alphaAxis >= 0)
        {
            using var flat = Weight.view(-1);
            return ForwardChannelWise(input, _alphaAxis + 1, flat);
        }

        using var positive = input > 0;
        using var negative = input * Weight;
        return where(positive, input, negative);
    }

    private static long[] CheckCount(long numParameters, string name) =>
        numParameters >= 1
            ? [numParameters]
            : throw new ArgumentException(
                $"PReLU '{name}': numParameters must be 1 (one shared α) or the channel count, got {numParameters}.",
                nameof(numParameters));

    private static int CheckChannelDim(int channelDim, string name) =>
        channelDim != 0
            ? channelDim
            : throw new ArgumentException(
                $"PReLU '{name}': channelDim must not be 0, the batch dim; expected 1 (N×C…) or a negative dim such as -1 (N×…×C).",
                nameof(channelDim));
}
