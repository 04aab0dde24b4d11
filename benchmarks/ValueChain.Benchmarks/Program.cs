using BenchmarkDotNet.Running;
using ValueChain.Benchmarks;
using ValueChain.V2V;

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- ledger-report
// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- ethereum-side-by-side   (ValueChain, Nethereum 6.1, ethers v6)
// (ethereum-vs-ethers, its former name, runs the same)
if (args is ["ethereum-side-by-side"] or ["ethereum-vs-ethers"])
{
    await EthereumComparison.RunAsync();
    return;
}

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- ethereum-side-by-side CALLS PIPELINED SEQUENTIAL ROUNDS   (smaller runs)
if (args is ["ethereum-side-by-side", var calls, var pipelined, var sequential, var rounds])
{
    int Count(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    await EthereumComparison.RunAsync(Count(calls), Count(pipelined), Count(sequential), Count(rounds));
    return;
}

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- procurement-anvil-runs 3 [--revert]   (the case study on one anvil, run after run, with its requests; --revert: each run from the same node state)
if (args is ["procurement-anvil-runs", var procurementRuns, ..] && args.Length <= 3)
{
    await ProcurementOnAnvilRuns.RunAsync(int.Parse(procurementRuns, System.Globalization.CultureInfo.InvariantCulture), args is [_, _, "--revert"]);
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

// VALUECHAIN_FABRIC_NETWORK=… dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- fabric-side-by-side   (ValueChain, @hyperledger/fabric-gateway)
if (args is ["fabric-side-by-side"])
{
    await FabricGatewayComparison.RunAsync();
    return;
}

// … -- fabric-side-by-side SEQUENTIAL CONCURRENT IN-FLIGHT ROUNDS   (smaller runs)
if (args is ["fabric-side-by-side", var fabricSequential, var fabricConcurrent, var fabricInFlight, var fabricRounds])
{
    int Count(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    await FabricGatewayComparison.RunAsync(Count(fabricSequential), Count(fabricConcurrent), Count(fabricInFlight), Count(fabricRounds));
    return;
}

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- appmarket-report [--installs N] [--agents N]
if (args is ["appmarket-report", ..])
{
    int Option(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length
        ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await AppMarketDeliveryReport.RunAsync(Option("--installs", 30), Option("--agents", 100));
    return;
}

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- v2v-report [--vehicles 6,20,100,1000] [--anvil] [--batch 64] [--time-scale 1]
if (args is ["v2v-report", ..])
{
    string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    await V2VReport.RunAsync(
        Value("--vehicles") is { } sizes ? [.. sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))] : V2VSimulation.FleetSizes,
        args.Contains("--anvil"),
        Value("--batch") is { } batch ? int.Parse(batch, System.Globalization.CultureInfo.InvariantCulture) : 64,
        Value("--time-scale") is { } scale ? double.Parse(scale, System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}

if (args is ["ledger-report"])
{
    await LedgerReport.RunAsync();
    return;
}

// dotnet run -c Release --project benchmarks/ValueChain.Benchmarks -- ledger-report --transactions 1000000[,5000000,10000000] [--data DIR]
if (args is ["ledger-report", "--transactions", var count, ..] && (args.Length == 3 || args is [_, _, _, "--data", _]))
{
    await LedgerScaleReport.RunAsync([.. count.Split(',').Select(c => long.Parse(c, System.Globalization.CultureInfo.InvariantCulture))], args.Length == 5 ? args[4] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(LedgerReport).Assembly).Run(args);
