using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace ValueChain.Flexibility.Tests.DependencyInjection;

public sealed class AddFlexibilityTests
{
    private static readonly EthereumSigner Tso = new(PrivateKey.FromBytes(Keccak256.Hash("di tso"u8).ToArray()));
    private static readonly EthereumSigner Fleet = new(PrivateKey.FromBytes(Keccak256.Hash("di fleet"u8).ToArray()));

    private static readonly string AppSettings = $$"""
        {
          "ValueChain": {
            "Flexibility": {
              "Verifiers": [ { "Address": "{{Tso.Address}}", "Role": "Verifier", "Name": "TSO" } ],
              "Clock": { "StageLength": "00:10:00" },
              "CommittedOffers": true,
              "ChainId": 1,
              "PenaltyGrace": "2.00:00:00"
            }
          }
        }
        """;

    [Fact]
    public async Task Without_a_verifier_the_host_fails_at_start_up_naming_the_setting_not_inside_AddValueChain()
    {
        using IHost host = Host(vc => vc.AddFlexibility());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(typeof(FlexibilityOptions), error.OptionsType);
        Assert.Contains(error.Failures, f => f.StartsWith("FlexibilityOptions.Verifiers needs at least one verifier", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_verifier_the_host_starts_and_the_other_settings_keep_their_defaults()
    {
        using IHost host = Host(vc => vc.AddFlexibility(o => o.Verifiers.Add(new MarketParticipant(Tso.Address, MarketRole.Verifier, "TSO"))));

        await host.StartAsync(TestContext.Current.CancellationToken);

        FlexibilityOptions options = host.Services.GetRequiredService<IOptions<FlexibilityOptions>>().Value;
        Assert.Equal(MarketClock.Default, options.Clock);
        Assert.False(options.CommittedOffers);
        Assert.Equal(31337UL, options.ChainId);
        Assert.Equal(TimeSpan.FromHours(24), options.PenaltyGrace);
        Assert.IsType<FlexibilityChaincodeAdapter>(host.Services.GetRequiredService<IFlexibilityContract>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_chaincode_is_built_from_the_options_when_the_ledger_needs_it_not_at_registration()
    {
        int configured = 0;
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc
            .UseInMemoryLedger(o => o.Membership = MembershipMode.Open)
            .AddFlexibility(o =>
            {
                configured++;
                o.Verifiers.Add(new MarketParticipant(Tso.Address, MarketRole.Verifier, "TSO"));
            }));
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(0, configured);
        Assert.Single(provider.GetServices<IChaincode>().OfType<FlexibilityChaincode>());
        Assert.Equal(1, configured);
    }

    [Fact]
    public async Task Options_bind_from_appsettings_json_without_changing_the_default_clock()
    {
        using IHost host = Host((vc, configuration) => vc.AddFlexibility(configuration.GetSection("ValueChain:Flexibility")), AppSettings);
        await host.StartAsync(TestContext.Current.CancellationToken);

        FlexibilityOptions options = host.Services.GetRequiredService<IOptions<FlexibilityOptions>>().Value;
        IFlexibilityContract market = host.Services.GetRequiredService<IFlexibilityContract>();

        Assert.Equal([new MarketParticipant(Tso.Address, MarketRole.Verifier, "TSO")], options.Verifiers);
        Assert.Equal(MarketClock.Default with { StageLength = TimeSpan.FromMinutes(10) }, options.Clock);
        Assert.Equal(TimeSpan.FromMinutes(5), MarketClock.Default.StageLength);
        Assert.True(options.CommittedOffers);
        Assert.Equal(1UL, options.ChainId);
        Assert.Equal(TimeSpan.FromDays(2), options.PenaltyGrace);
        Assert.Equal("TSO", (await market.GetParticipantAsync(Tso.Address, TestContext.Current.CancellationToken))!.Name);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_verifier_entry_the_binder_cannot_read_fails_start_up_naming_it()
    {
        using IHost host = Host((vc, configuration) => vc.AddFlexibility(configuration.GetSection("ValueChain:Flexibility")), AppSettings.Replace("\"Verifier\"", "\"Regulator\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f =>
            f.StartsWith("FlexibilityOptions.Verifiers: the configuration entry 'ValueChain:Flexibility:Verifiers:0' cannot be read as a MarketParticipant", StringComparison.Ordinal)
            && f.Contains("'Regulator' at 'ValueChain:Flexibility:Verifiers:0:Role'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_call_with_settings_is_refused_saying_what_to_do()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ConfigurationException>(() => services.AddValueChain(vc => vc
            .UseInMemoryLedger()
            .AddFlexibility(Configuration(AppSettings).GetSection("ValueChain:Flexibility"))
            .AddFlexibility(o => o.ChainId = 5)));

        Assert.Equal(ErrorCodes.Configuration, error.Code);
        Assert.StartsWith("AddFlexibility was called a second time with settings on the same service collection; one deployment has one set of FlexibilityOptions.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeat_without_settings_is_a_no_op()
    {
        var services = new ServiceCollection();
        services.AddValueChain(vc => vc
            .UseInMemoryLedger(o => o.Membership = MembershipMode.Open)
            .AddFlexibility(o => o.Verifiers.Add(new MarketParticipant(Tso.Address, MarketRole.Verifier, "TSO")))
            .AddFlexibility());
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IChaincode>());
        Assert.Single(provider.GetServices<IValidateOptions<FlexibilityOptions>>());
        Assert.Single(provider.GetServices<FlexibilityClientFactory>());
    }

    [Fact]
    public async Task The_client_factory_returns_clients_whose_commands_are_signed_by_the_given_signer()
    {
        using IHost host = Host(vc => vc.AddFlexibility(o => o.Verifiers.Add(new MarketParticipant(Tso.Address, MarketRole.Verifier, "TSO"))));
        await host.StartAsync(TestContext.Current.CancellationToken);
        FlexibilityClientFactory factory = host.Services.GetRequiredService<FlexibilityClientFactory>();
        IFlexibilityContract market = host.Services.GetRequiredService<IFlexibilityContract>();

        FlexibilityClient tso = factory.Create(Tso);
        await tso.ApprovePlatformAsync(TestContext.Current.CancellationToken);
        var notWhitelisted = await Assert.ThrowsAsync<ChaincodeException>(() => factory.Create(Fleet).ApprovePlatformAsync(TestContext.Current.CancellationToken));

        Assert.Equal(Tso.Address, tso.Address);
        Assert.Same(market, tso.Market);
        Assert.Equal(UInt256.MaxValue, await market.AllowanceAsync(Tso.Address, market.PlatformAddress, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCodes.Unauthorized, notWhitelisted.Code);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static IHost Host(Action<ValueChainBuilder> configure) => Host((vc, _) => configure(vc), json: null);

    private static IHost Host(Action<ValueChainBuilder, IConfiguration> configure, string? json)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (json is not null)
        {
            builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        builder.Services.AddValueChain(vc => configure(vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open), builder.Configuration));
        return builder.Build();
    }

    private static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
