namespace ValueChain.Procurement.Tests.Ubl;

/// <summary>Fixed ledger records the UBL tests export: version 2 of quotation 7 by BOLT, and ACME's MACHINE-1 order on it that arrived late.</summary>
internal static class UblSamples
{
    public static readonly Address Supplier = Address.Parse("0x00000000000000000000000000000000000000b1");
    public static readonly Address MachineAccount = Address.Parse("0x00000000000000000000000000000000000000a1");

    public static readonly Company Acme = new("acme", "ACME Maschinenbau GmbH", DateTimeOffset.UnixEpoch, null, SupplierEvaluation.None);
    public static readonly Company Bolt = new("bolt", "Bolt & Nut <Supply> AG", DateTimeOffset.UnixEpoch, null, new SupplierEvaluation(3, 2, 0));

    public static Quotation SampleQuotation { get; } = new(
        7, 2, Supplier, "bolt", "BOLT-M8", 1234,
        new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2027, 12, 1, 8, 0, 0, TimeSpan.Zero),
        TimeSpan.FromDays(2),
        new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.Zero));

    /// <summary>40 units at 12.34: 493.60 in escrow; requested by 5 December 10:00, arrived 12:15:30 the same day (late).</summary>
    public static PurchaseOrder SampleOrder { get; } = new(
        "ORD-1", "MACHINE-1", MachineAccount, "acme", 7, 2, Supplier, "bolt", "BOLT-M8", 40, 1234, 49_360,
        new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero),
        OrderStatus.Closed,
        new DateTimeOffset(2026, 12, 5, 12, 15, 30, TimeSpan.Zero),
        false);

    public static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);
}
