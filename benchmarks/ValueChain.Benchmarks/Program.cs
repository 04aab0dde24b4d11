using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
