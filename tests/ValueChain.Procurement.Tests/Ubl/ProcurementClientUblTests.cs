using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ValueChain.Ledger.InMemory;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Procurement.Tests.Ubl;

public sealed class ProcurementClientUblTests
{
    private static readonly XNamespace Cac = ProcurementUbl.AggregateNamespace;
    private static readonly XNamespace Cbc = ProcurementUbl.BasicNamespace;

    [Fact]
    public async Task A_machine_exports_the_quotation_it_ordered_on_its_order_and_the_receipt_from_the_ledger()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using MarketLedger market = await MarketLedger.StartAsync();
        var machine = new ProcurementClient(market.Contract, Machine1);
        Quotation quotation = (await market.Contract.GetQuotationVersionAsync(market.BoltQuotation, 1, ct))!;

        Assert.Equal(quotation, ProcurementUblImport.ParseQuotation(await machine.ExportQuotationAsUblAsync(market.BoltQuotation, 1, ct), new ProcurementUblOptions()));

        // An ERP's UBL order, read back into the request the machine submits.
        var request = new OrderRequest("ORD-UBL-1", Bolts, market.BoltQuotation, 1, 5);
        await machine.PlaceOrderAsync(request, ct);
        byte[] order = await machine.ExportOrderAsUblAsync(request.OrderId, ct);
        Assert.Equal(request, ProcurementUblImport.ParseOrder(order, new ProcurementUblOptions()));
        XElement orderRoot = XDocument.Parse(Encoding.UTF8.GetString(order)).Root!;
        Assert.Equal(UblTimes.Date(await market.NowAsync()), orderRoot.Element(Cbc + "IssueDate")!.Value);
        Assert.Equal("0.50", orderRoot.Element(Cac + "AnticipatedMonetaryTotal")!.Element(Cbc + "PayableAmount")!.Value);

        var notYet = await Assert.ThrowsAsync<ProcurementUblException>(() => machine.ExportReceiptAdviceAsUblAsync(request.OrderId, ct));
        Assert.Equal("status", notYet.Field);

        await machine.ConfirmArrivalAsync(request.OrderId, ct);
        XElement receipt = XDocument.Parse(Encoding.UTF8.GetString(await machine.ExportReceiptAdviceAsUblAsync(request.OrderId, ct))).Root!;
        Company acme = (await market.Contract.GetCompanyAsync(Acme, ct))!;
        Assert.Equal(request.OrderId, receipt.Element(Cac + "OrderReference")!.Element(Cbc + "ID")!.Value);
        Assert.Equal(acme.Name, receipt.Element(Cac + "DeliveryCustomerParty")!.Element(Cac + "Party")!.Element(Cac + "PartyName")!.Element(Cbc + "Name")!.Value);
        Assert.Equal("5", receipt.Element(Cac + "ReceiptLine")!.Element(Cbc + "ReceivedQuantity")!.Value);
        Assert.Null(receipt.Element(Cac + "ReceiptLine")!.Element(Cbc + "TimingComplaint"));
        UblSchemaOrder.Check(receipt);
    }

    [Fact]
    public async Task An_unknown_version_or_order_is_not_found()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using MarketLedger market = await MarketLedger.StartAsync();
        var machine = new ProcurementClient(market.Contract, Machine1);

        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<ChaincodeException>(() => machine.ExportQuotationAsUblAsync(market.BoltQuotation, 2, ct))).Code);
        Assert.Equal(ErrorCodes.NotFound, (await Assert.ThrowsAsync<ChaincodeException>(() => machine.ExportOrderAsUblAsync("NO-SUCH-ORDER", ct))).Code);
    }

    [Fact]
    public async Task The_ubl_settings_bind_from_configuration_reach_the_clients_and_are_checked_at_start_up()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using IHost bad = Host("""{ "CurrencyId": "euro", "UnitCodes": { "OIL-5L": "litre" } }""");
        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => bad.StartAsync(ct));
        Assert.Contains("ProcurementOptions.Ubl.CurrencyId", error.Message, StringComparison.Ordinal);
        Assert.Contains("ProcurementOptions.Ubl.UnitCodes['OIL-5L']", error.Message, StringComparison.Ordinal);

        using IHost host = Host("""{ "CurrencyId": "USD", "TokenDecimals": 0, "UnitCode": "C62" }""");
        await host.StartAsync(ct);
        ProcurementClient supplier = host.Services.GetRequiredService<ProcurementClientFactory>().Create(BoltSupplier);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        long id = (await supplier.CreateQuotationAsync(new QuotationTerms(Bolts, 10, now.AddDays(-1), now.AddDays(1), TimeSpan.FromDays(1)), ct)).QuotationId!.Value;

        XElement item = XDocument.Parse(Encoding.UTF8.GetString(await supplier.ExportQuotationAsUblAsync(id, 1, ct))).Root!.Element(Cac + "QuotationLine")!.Element(Cac + "LineItem")!;
        XElement price = item.Element(Cac + "Price")!.Element(Cbc + "PriceAmount")!;
        Assert.Equal(("10", "USD"), (price.Value, price.Attribute("currencyID")!.Value));
        Assert.Equal("C62", item.Element(Cbc + "Quantity")!.Attribute("unitCode")!.Value);
        await host.StopAsync(ct);
    }

    private static IHost Host(string ubl)
    {
        string json = $$"""
            {
              "Procurement": {
                "GenesisCompanies": [ { "CompanyId": "operator", "Name": "Operator" }, { "CompanyId": "bolt", "Name": "Bolt" } ],
                "GenesisUsers": [
                  { "Address": "{{Operator.Address}}", "Name": "Operator", "Role": "MarketplaceAdmin", "CompanyId": "operator", "IsAdmin": true },
                  { "Address": "{{BoltSupplier.Address}}", "Name": "Bolt Supplier", "Role": "Supplier", "CompanyId": "bolt" }
                ],
                "Ubl": {{ubl}}
              }
            }
            """;
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddValueChain(vc => vc.UseInMemoryLedger(o => o.Membership = MembershipMode.Open).AddProcurement(builder.Configuration.GetSection("Procurement")));
        return builder.Build();
    }
}
