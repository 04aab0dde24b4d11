namespace ValueChain.Ledger.InMemory;

/// <summary>Who may submit transactions to the embedded ledger.</summary>
public enum MembershipMode
{
    /// <summary>Only members: the genesis admins and members, plus those admins add later.</summary>
    Permissioned = 1,

    /// <summary>Any key may submit. For demos and single-party tests; applications still check roles.</summary>
    Open = 2,
}
