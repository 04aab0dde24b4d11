using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace ValueChain.V2V.Tests;

public sealed class AddV2VTests
{
    [Fact]
    public async Task Without_an_issuer_or_authority_the_host_fails_at_start_up_naming_both()
    {
        using IHost host = Host(vc => vc.AddV2V());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.StartsWith("V2VOptions.Issuer must be set", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("V2VOptions.Authorities needs at least one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_bind_from_configuration_and_a_vehicle_reports_through_the_factorys_client()
    {
        string json = $$"""
            { "V2V": { "Issuer": "{{EmbeddedMap.Issuer.Address}}", "Authorities": [ "{{EmbeddedMap.Police.Address}}" ], "MatchRadiusMetres": 30, "Expiry": "00:05:00" } }
            """;
        using IHost host = Host(vc => vc.AddV2V(Configuration(json).GetSection("V2V")));
        await host.StartAsync(TestContext.Current.CancellationToken);
        V2VOptions options = host.Services.GetRequiredService<IOptions<V2VOptions>>().Value;
        IV2VContract map = host.Services.GetRequiredService<IV2VContract>();
        V2VClient vehicle = host.Services.GetRequiredService<V2VClientFactory>().Create(EmbeddedMap.TripA);
        DateTimeOffset now = await host.Services.GetRequiredService<ILedgerTimeControl>().GetTimeAsync(TestContext.Current.CancellationToken);
        now = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        await map.CertifyAsync(EmbeddedMap.Issuer, EmbeddedMap.TripA.Address, now, now.AddHours(1), TestContext.Current.CancellationToken);

        (_, AnchorOutcome outcome) = await vehicle.ReportAsync(new StaticObstacleReport(vehicle.Address, now, new GeoPoint(1, 1), 5, ObstacleKind.Debris, 90), TestContext.Current.CancellationToken);

        Assert.Equal((30, TimeSpan.FromMinutes(5), 2_000), (options.MatchRadiusMetres, options.Expiry, options.CellSizeMicrodegrees));
        Assert.Equal([EmbeddedMap.Police.Address], options.Authorities);
        Assert.True(outcome.Mapped);
        Assert.IsType<V2VChaincodeAdapter>(map);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void The_validator_names_a_cell_too_small_for_the_radius_and_a_window_of_fractions()
    {
        V2VOptions options = EmbeddedMap.Options();
        options.CellSizeMicrodegrees = 500;
        options.MatchWindow = TimeSpan.FromTicks(1);

        var error = Assert.Throws<ConfigurationException>(() => new V2VChaincode(options));

        Assert.Contains("V2VOptions.CellSizeMicrodegrees", error.Message, StringComparison.Ordinal);
        Assert.Contains("V2VOptions.MatchWindow", error.Message, StringComparison.Ordinal);
    }

    private static IHost Host(Action<ValueChainBuilder> configure) =>
        new HostBuilder().ConfigureServices(services => services.AddValueChain(vc =>
        {
            vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open).UseContentStore();
            configure(vc);
        })).Build();

    private static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
}
