using System.Numerics;
using System.Text;
using CsCheck;
using static ValueChain.Procurement.Tests.Ubl.UblSamples;

namespace ValueChain.Procurement.Tests.Ubl;

public sealed class ProcurementUblImportTests
{
    private static readonly ProcurementUblOptions Defaults = new();

    [Fact]
    public void A_quotation_reads_back_as_the_version_it_was_written_from()
    {
        Assert.Equal(SampleQuotation, ProcurementUblImport.ParseQuotation(ProcurementUblExport.ToQuotation(SampleQuotation, Defaults, Bolt), Defaults));
        Assert.Equal(SampleQuotation, ProcurementUblImport.ParseQuotation(File.ReadAllBytes(GoldenPath("BOLT-7.2.quotation.xml")), Defaults));
    }

    [Fact]
    public void An_order_reads_back_as_the_request_a_machine_submits()
    {
        OrderRequest request = ProcurementUblImport.ParseOrder(ProcurementUblExport.ToOrder(SampleOrder, Defaults), Defaults);

        Assert.Equal(new OrderRequest("ORD-1", "BOLT-M8", 7, 2, 40), request);
    }

    [Fact]
    public void Quotations_round_trip_over_random_records_and_options()
    {
        Gen<Quotation> quotations =
            from id in Gen.Long[1, long.MaxValue]
            from version in Gen.Int[1, int.MaxValue]
            from price in Gen.Byte.Array[1, 32].Select(b => new BigInteger(b, isUnsigned: true))
            from start in Gen.Long[0, 4_000_000_000]
            from length in Gen.Long[1, 1_000_000_000]
            from delivery in Gen.Long[1, 100_000_000]
            from ticks in Gen.Long[0, TimeSpan.TicksPerSecond - 1]
            where !price.IsZero
            select SampleQuotation with
            {
                QuotationId = id,
                Version = version,
                PricePerUnit = new UInt256(price),
                ValidFrom = DateTimeOffset.FromUnixTimeSeconds(start),
                ValidUntil = DateTimeOffset.FromUnixTimeSeconds(start + length),
                DeliveryTime = TimeSpan.FromSeconds(delivery),
                RecordedAt = DateTimeOffset.FromUnixTimeSeconds(start).AddTicks(ticks),
            };

        quotations.Select(Gen.Int[0, ProcurementUblOptions.MaxTokenDecimals]).Sample((quotation, decimals) =>
        {
            var options = new ProcurementUblOptions { TokenDecimals = decimals };
            Assert.Equal(quotation, ProcurementUblImport.ParseQuotation(ProcurementUblExport.ToQuotation(quotation, options), options));
        });
    }

    [Fact]
    public void Amounts_are_exact_decimal_text()
    {
        Assert.Equal("0.05", UblAmounts.Format(5, 2));
        Assert.Equal("12.34", UblAmounts.Format(1234, 2));
        Assert.Equal("1234", UblAmounts.Format(1234, 0));
        Assert.Equal(UInt256.MaxValue, UblAmounts.Parse(UblAmounts.Format(UInt256.MaxValue, 18), 18));
        Assert.Null(UblAmounts.Parse("1.234", 2));
        Assert.Null(UblAmounts.Parse("1.", 2));
        Assert.Null(UblAmounts.Parse("-1", 2));
        Assert.Null(UblAmounts.Parse("1e3", 2));
        Assert.Null(UblAmounts.Parse(UInt256.MaxValue + "0", 0));
        Assert.Equal(new UInt256(1230), UblAmounts.Parse("12.3", 2));
    }

    [Fact]
    public void Documents_of_another_kind_customization_or_currency_are_refused_naming_the_field()
    {
        byte[] quotation = ProcurementUblExport.ToQuotation(SampleQuotation, Defaults);
        string text = Encoding.UTF8.GetString(quotation);

        Assert.Contains("UBL Quotation", Refused(() => ProcurementUblImport.ParseQuotation(ProcurementUblExport.ToOrder(SampleOrder, Defaults), Defaults)), StringComparison.Ordinal);
        Assert.Contains("cbc:CustomizationID", Refused(() => ProcurementUblImport.ParseQuotation(Replace(text, ProcurementUbl.CustomizationId, "urn:other"), Defaults)), StringComparison.Ordinal);
        Assert.Contains("cac:Price/cbc:PriceAmount/@currencyID", Refused(() => ProcurementUblImport.ParseQuotation(quotation, new ProcurementUblOptions { CurrencyId = "USD" })), StringComparison.Ordinal);
        Assert.Contains("cac:Price/cbc:PriceAmount", Refused(() => ProcurementUblImport.ParseQuotation(quotation, new ProcurementUblOptions { TokenDecimals = 1 })), StringComparison.Ordinal);
        Assert.Contains("cbc:ID", Refused(() => ProcurementUblImport.ParseQuotation(Replace(text, "<cbc:ID>7.2</cbc:ID>", "<cbc:ID>7</cbc:ID>"), Defaults)), StringComparison.Ordinal);
        Assert.Contains("cac:ValidityPeriod", Refused(() => ProcurementUblImport.ParseQuotation(Replace(text, "<cbc:StartDate>2026-12-01</cbc:StartDate>", ""), Defaults)), StringComparison.Ordinal);
        Assert.Contains("Invalid UBL Quotation", Refused(() => ProcurementUblImport.ParseQuotation("<Quotation"u8.ToArray(), Defaults)), StringComparison.Ordinal);

        string order = Encoding.UTF8.GetString(ProcurementUblExport.ToOrder(SampleOrder, Defaults));
        Assert.Contains("cbc:VersionID", Refused(() => ProcurementUblImport.ParseOrder(Replace(order, "<cbc:VersionID>2</cbc:VersionID>", "<cbc:VersionID>1</cbc:VersionID>"), Defaults)), StringComparison.Ordinal);
        Assert.Contains("cbc:Quantity/@unitCode", Refused(() => ProcurementUblImport.ParseOrder(Replace(order, "unitCode=\"EA\">40<", "unitCode=\"KGM\">40<"), Defaults)), StringComparison.Ordinal);
        Assert.Contains("cbc:Quantity", Refused(() => ProcurementUblImport.ParseOrder(Replace(order, "unitCode=\"EA\">40<", "unitCode=\"EA\">0<"), Defaults)), StringComparison.Ordinal);
    }

    private static byte[] Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string Refused(Func<object> parse) => Assert.Throws<ValueChainFormatException>(parse).Message;
}
