using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Every class runs in process ([InProcess]): TorchSharp's native libraries and the kit's loader fix are set up once, here.
BenchmarkSwitcher.FromAssembly(typeof(PReluKit.Benchmarks.ActivationForwardBackward).Assembly)
    .Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));
