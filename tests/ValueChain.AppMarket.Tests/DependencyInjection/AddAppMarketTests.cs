using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Ledger.InMemory;

namespace ValueChain.AppMarket.Tests.DependencyInjection;

public sealed class AddAppMarketTests
{
    private static readonly EthereumSigner Operator = new(PrivateKey.FromBytes(Keccak256.Hash("di operator"u8).ToArray()));
    private static readonly EthereumSigner Company = new(PrivateKey.FromBytes(Keccak256.Hash("di company"u8).ToArray()));

    private static readonly string AppSettings = $$"""
        {
          "ValueChain": {
            "AppMarket": {
              "GenesisMembers": [ { "Address": "{{Operator.Address}}", "Name": "Bazaar", "Role": "Operator", "IsAdmin": true } ],
              "ChainId": 5,
              "InstallTimeout": "02:00:00",
              "MaxReportsPerSettlement": 250
            }
          }
        }
        """;

    [Fact]
    public async Task Without_an_admin_the_host_fails_at_start_up_naming_the_setting()
    {
        using IHost host = Host(vc => vc.AddAppMarket());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(typeof(AppMarketOptions), error.OptionsType);
        Assert.Contains(error.Failures, f => f.StartsWith("AppMarketOptions.GenesisMembers needs at least one admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_settings_are_each_named()
    {
        using IHost host = Host(vc => vc.AddAppMarket(o =>
        {
            o.GenesisMembers.Add(new AppMarketMember(Operator.Address, "Bazaar", AppMarketRole.Operator, IsAdmin: true));
            o.ChainId = 0;
            o.InstallTimeout = TimeSpan.FromMilliseconds(1500);
            o.MaxReportsPerSettlement = 0;
        }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(error.Failures, f => f.StartsWith("AppMarketOptions.ChainId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("AppMarketOptions.InstallTimeout", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("AppMarketOptions.MaxReportsPerSettlement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_bind_from_appsettings_json_and_the_port_uses_the_chain_id()
    {
        using IHost host = Host((vc, configuration) => vc.AddAppMarket(configuration.GetSection("ValueChain:AppMarket")), AppSettings);
        await host.StartAsync(TestContext.Current.CancellationToken);

        AppMarketOptions options = host.Services.GetRequiredService<IOptions<AppMarketOptions>>().Value;
        IAppMarketContract market = host.Services.GetRequiredService<IAppMarketContract>();

        Assert.Equal(5UL, options.ChainId);
        Assert.Equal(TimeSpan.FromHours(2), options.InstallTimeout);
        Assert.Equal(250, options.MaxReportsPerSettlement);
        Assert.Equal(new DeviceReportDomain(5, AppMarketChaincode.PlatformAddress), market.ReportDomain);
        Assert.Equal("Bazaar", (await market.GetMemberAsync(Operator.Address, TestContext.Current.CancellationToken))!.Name);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_client_factory_returns_clients_signed_by_the_given_signer()
    {
        using IHost host = Host(vc => vc.AddAppMarket(o => o.GenesisMembers.Add(new AppMarketMember(Operator.Address, "Bazaar", AppMarketRole.Operator, IsAdmin: true))));
        await host.StartAsync(TestContext.Current.CancellationToken);
        AppMarketClientFactory factory = host.Services.GetRequiredService<AppMarketClientFactory>();
        IAppMarketContract market = host.Services.GetRequiredService<IAppMarketContract>();
        await market.InviteAsync(Operator, Company.Address, "Plant", AppMarketRole.Company, cancellationToken: TestContext.Current.CancellationToken);

        AppMarketClient company = factory.Create(Company);
        await company.ApprovePlatformAsync(77, TestContext.Current.CancellationToken);
        var notCompany = await Assert.ThrowsAsync<ChaincodeException>(() => factory.Create(Operator).RegisterDeviceAsync("d-1", "plc", Company.Address, TestContext.Current.CancellationToken));

        Assert.Same(market, company.Market);
        Assert.Equal(new UInt256(77), await market.AllowanceAsync(Company.Address, market.PlatformAddress, TestContext.Current.CancellationToken));
        Assert.Equal(ErrorCodes.Unauthorized, notCompany.Code);
        Assert.Single(host.Services.GetServices<IChaincode>().OfType<AppMarketChaincode>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_second_call_with_settings_is_refused()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ConfigurationException>(() => services.AddValueChain(vc => vc
            .UseInMemoryLedger()
            .AddAppMarket(o => o.ChainId = 1)
            .AddAppMarket(o => o.ChainId = 5)));

        Assert.Equal(ErrorCodes.Configuration, error.Code);
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
}
