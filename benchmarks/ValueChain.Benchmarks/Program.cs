using BenchmarkDotNet.Running;
using ValueChain.Benchmarks;

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- ledger-report
// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- ethereum-vs-ethers
if (args is ["ethereum-vs-ethers"])
{
    await EthersComparison.RunAsync();
    return;
}

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- flex-offering
if (args is ["flex-offering"])
{
    await FlexOfferingRun.RunAsync();
    return;
}

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- flex-simulation
if (args is ["flex-simulation"])
{
    await FlexSimulationRun.RunAsync();
    return;
}

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- partchain-registration
if (args is ["partchain-registration"])
{
    await PartRegistrationRun.RunAsync();
    return;
}

// VALUECHAIN_FABRIC_NETWORK=… dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- fabric-registration
if (args is ["fabric-registration"])
{
    await FabricRegistrationRun.RunAsync();
    return;
}

if (args is ["ledger-report"])
{
    await LedgerReport.RunAsync();
    return;
}

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- ledger-report --transactions 1000000 [--data DIR]
if (args is ["ledger-report", "--transactions", var count, ..] && (args.Length == 3 || args is [_, _, _, "--data", _]))
{
    await LedgerScaleReport.RunAsync(long.Parse(count, System.Globalization.CultureInfo.InvariantCulture), args.Length == 5 ? args[4] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LedgerReport).Assembly).Run(args);
