using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Ledger.InMemory;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Procurement.Tests;

public sealed class AddProcurementTests
{
    private static IHost Host(Action<ValueChainBuilder, IConfiguration> configure, string? json = null)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (json is not null)
        {
            builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        builder.Services.AddValueChain(vc => configure(vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open), builder.Configuration));
        return builder.Build();
    }

    [Fact]
    public async Task Without_settings_start_up_fails_naming_the_genesis_users()
    {
        using IHost host = Host((vc, _) => vc.AddProcurement());

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ProcurementOptions.GenesisUsers needs at least one marketplace admin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_settings_are_refused_at_start_up_with_what_to_change()
    {
        using IHost host = Host((vc, _) => vc.AddProcurement(o =>
        {
            o.StartingRate = 12_000;
            o.CancellationGrace = TimeSpan.FromMilliseconds(1500);
            o.GenesisUsers.Add(new ProcurementUser(Operator.Address, "Operator", ProcurementRole.MarketplaceAdmin, "nowhere", true));
        }));

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ProcurementOptions.StartingRate", error.Message, StringComparison.Ordinal);
        Assert.Contains("ProcurementOptions.CancellationGrace", error.Message, StringComparison.Ordinal);
        Assert.Contains("'nowhere', which is not in GenesisCompanies", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_marketplace_starts_from_configuration_and_clients_act_as_their_signer()
    {
        string json = $$"""
            {
              "Procurement": {
                "StartingRate": 6000,
                "GenesisCompanies": [ { "CompanyId": "operator", "Name": "Operator" }, { "CompanyId": "bolt", "Name": "Bolt" } ],
                "GenesisUsers": [
                  { "Address": "{{Operator.Address}}", "Name": "Operator", "Role": "MarketplaceAdmin", "CompanyId": "operator", "IsAdmin": true },
                  { "Address": "{{BoltSupplier.Address}}", "Name": "Bolt Supplier", "Role": "Supplier", "CompanyId": "bolt" }
                ]
              }
            }
            """;
        using IHost host = Host((vc, configuration) => vc.AddProcurement(configuration.GetSection("Procurement")), json);
        await host.StartAsync(TestContext.Current.CancellationToken);

        ProcurementClient supplier = host.Services.GetRequiredService<ProcurementClientFactory>().Create(BoltSupplier);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        long id = (await supplier.CreateQuotationAsync(new QuotationTerms(Bolts, 10, now.AddDays(-1), now.AddDays(1), TimeSpan.FromDays(1)), TestContext.Current.CancellationToken)).QuotationId!.Value;

        Assert.Equal(6_000, host.Services.GetRequiredService<IOptions<ProcurementOptions>>().Value.StartingRate);
        Assert.Equal(BoltSupplier.Address, (await supplier.Contract.GetQuotationAsync(id, TestContext.Current.CancellationToken))!.Supplier);
        Assert.Equal(ProcurementRole.MarketplaceAdmin, (await supplier.Contract.GetUserAsync(Operator.Address, TestContext.Current.CancellationToken))!.Role);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
