namespace ValueChain.Procurement;

/// <summary>What a user does in the marketplace; every user belongs to one company.</summary>
public enum ProcurementRole
{
    /// <summary>Runs the marketplace: invites companies, removes them, issues tokens.</summary>
    MarketplaceAdmin = 1,

    /// <summary>Administers one company: invites its users, grants and revokes reads of its machines' maintenance books.</summary>
    Admin = 2,

    /// <summary>Approves supplier quotations for the buyer's own company, and withdraws approvals.</summary>
    Buyer = 3,

    /// <summary>Publishes binding quotations and is paid for deliveries.</summary>
    Supplier = 4,

    /// <summary>Registers the company's machines and records maintenance in their books.</summary>
    ServiceEngineer = 5,
}
