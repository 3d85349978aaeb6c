using System.Globalization;
using Plotly.NET;
using PReluKit.Activations;
using PReluKit.Metrics;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>Initialisation: how the signal's size changes through depth under ReLU's and under PReLU's gain.</summary>
public static class InitPlots
{
    /// <summary>
    /// E[y²] over depth for a PReLU stack initialised with ReLU's gain (a = 0) and with PReLU's own gain (a = α), on a log
    /// axis, with the reading at the last layer.
    /// </summary>
    public static ReportChart SecondMomentOverDepth(ActivationSpec prelu, int depth = 30, int width = 256, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(prelu);
        var layers = Enumerable.Range(1, depth).Select(l => (double)l).ToList();
        var reluGain = SignalPropagation.SecondMomentOverDepth(prelu, initSlope: 0, depth, width, seed: seed);
        var ownGain = SignalPropagation.SecondMomentOverDepth(prelu, initSlope: prelu.InitSlope, depth, width, seed: seed);
        var chart = ChartStyle.Combine(
        [
            CSharpChart.Line<double, double, string>(layers, reluGain, Name: "ReLU's gain: std = √(2/n)", ShowMarkers: true,
                LineColor: ChartStyle.Color(ActivationSpec.ReLU().Colour)),
            CSharpChart.Line<double, double, string>(layers, ownGain, Name: $"PReLU's gain: std = √(2/((1+α²)·n)), α = {prelu.InitSlope:0.##}",
                ShowMarkers: true, LineColor: ChartStyle.Color(prelu.Colour)),
        ]);
        var theory = Math.Pow(1 + (prelu.InitSlope * prelu.InitSlope), depth);
        var reading = string.Create(CultureInfo.InvariantCulture,
            $"After {depth} layers of {width} {prelu.DisplayName} units, E[y²] is ×{reluGain[^1] / reluGain[0]:0.00} of the first layer's with ReLU's gain " +
            $"(theory: (1 + α²)^{depth - 1} = {theory / (1 + (prelu.InitSlope * prelu.InitSlope)):0.00}) and ×{ownGain[^1] / ownGain[0]:0.00} with PReLU's own gain (theory: 1).");
        chart = ChartStyle.Finish(chart, "Mean square pre-activation E[y²] per layer at initialisation (mean over 64 random networks)",
                                  "layer", "E[y²] (log scale)");
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: "E[y²] (log scale)",
                                                                                              AxisType: StyleParam.AxisType.Log);
        return new ReportChart("Signal through depth", reading, ChartStyle.LegendBelow(chart));
    }
}
