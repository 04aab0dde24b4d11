using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Flexibility;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Tests.DependencyInjection;

// The composition every host writes: the embedded ledger with both applications.
public sealed class CompositionTests
{
    [Fact]
    public async Task Both_applications_without_settings_fail_at_start_up_naming_each_missing_setting()
    {
        using IHost host = AddTraceabilityTests.Host((vc, _) => vc.AddTraceability().AddFlexibility(), json: null);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        string messages = AddTraceabilityTests.Messages(error);
        Assert.Contains("TraceabilityOptions.GenesisParticipants needs at least one admin", messages, StringComparison.Ordinal);
        Assert.Contains("FlexibilityOptions.Verifiers needs at least one verifier (the TSO)", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_applications_start_from_configuration_that_sets_only_what_has_no_default()
    {
        string json = $$"""
            {
              "Traceability": { "GenesisParticipants": [ { "Address": "{{Oem.Address}}", "Name": "OEM", "Role": "Oem", "IsAdmin": true } ] },
              "Flexibility": { "Verifiers": [ { "Address": "{{Tier1.Address}}", "Role": "Verifier", "Name": "TSO" } ] }
            }
            """;
        using IHost host = AddTraceabilityTests.Host(
            (vc, configuration) => vc.AddTraceability(configuration.GetSection("Traceability")).AddFlexibility(configuration.GetSection("Flexibility")),
            json);

        await host.StartAsync(TestContext.Current.CancellationToken);

        FlexibilityOptions flexibility = host.Services.GetRequiredService<IOptions<FlexibilityOptions>>().Value;
        Assert.Equal(MarketClock.Default, flexibility.Clock);
        Assert.Equal(31337UL, flexibility.ChainId);
        Assert.Equal(TimeSpan.FromHours(24), flexibility.PenaltyGrace);
        Assert.Equal("OEM", (await host.Services.GetRequiredService<ITraceabilityContract>().GetParticipantAsync(Oem.Address, TestContext.Current.CancellationToken))!.Name);
        Assert.Equal(MarketRole.Verifier, (await host.Services.GetRequiredService<IFlexibilityContract>().GetParticipantAsync(Tier1.Address, TestContext.Current.CancellationToken))!.Role);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
