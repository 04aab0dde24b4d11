using System.Globalization;
using ValueChain.Chaincode;
using ValueChain.Ledger;

namespace ValueChain.AppMarket;

/// <summary>
/// The money a <see cref="IPaymentModel"/> may move during one invocation: the marketplace's token and its escrow, both
/// held by <see cref="Platform"/>, which companies approve once as the spender of their tokens.
/// </summary>
public sealed class PaymentLedger
{
    private readonly TokenLedger _token;
    private readonly Escrow _escrow;

    internal PaymentLedger(IChaincodeContext context, TokenLedger token, Escrow escrow)
    {
        Context = context;
        _token = token;
        _escrow = escrow;
    }

    /// <summary>The invocation's context (ledger time, caller).</summary>
    public IChaincodeContext Context { get; }

    /// <summary>The ledger time of the invocation.</summary>
    public DateTimeOffset Now => Context.Timestamp;

    /// <summary>The marketplace's own account: it holds the escrow and spends companies' allowances.</summary>
    public Address Platform => _escrow.Account;

    /// <summary>The escrow id of an installation's purchase: device, app and purchase number.</summary>
    public static string EscrowId(Installation installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return string.Create(CultureInfo.InvariantCulture, $"{installation.DeviceId}/{installation.AppId}/{installation.Purchase}");
    }

    /// <summary>Holds <paramref name="amount"/> of the company's tokens for the developer until the install's outcome.</summary>
    public async ValueTask HoldAsync(Installation installation, UInt256 amount) =>
        await _escrow.LockAsync(Context, EscrowId(installation), installation.Company, installation.Developer, amount, Now);

    /// <summary>Pays what is held for the installation to the developer.</summary>
    public async ValueTask ReleaseAsync(Installation installation) => await _escrow.ReleaseAsync(Context, EscrowId(installation));

    /// <summary>Gives what is held for the installation back to the company.</summary>
    public async ValueTask RefundAsync(Installation installation) => await _escrow.RefundAsync(Context, EscrowId(installation));

    /// <summary>True when something is held for the installation's purchase and not yet paid out or back.</summary>
    public async ValueTask<bool> IsHeldAsync(Installation installation) =>
        await _escrow.GetAsync(Context, EscrowId(installation)) is { Status: EscrowStatus.Open };

    /// <summary>Moves <paramref name="amount"/> from the company to the developer through the company's allowance for <see cref="Platform"/>.</summary>
    /// <exception cref="ChaincodeException">The allowance or the balance is too small.</exception>
    public async ValueTask PayAsync(Installation installation, UInt256 amount)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (amount.IsZero)
        {
            return;
        }

        await _token.SpendAllowanceAsync(Context, installation.Company, Platform, amount);
        await _token.MoveAsync(Context, installation.Company, installation.Developer, amount);
    }

    /// <summary>True when the company's balance and its allowance for <see cref="Platform"/> both cover <paramref name="amount"/>.</summary>
    public async ValueTask<bool> CanPayAsync(Address company, UInt256 amount) =>
        await _token.BalanceOfAsync(Context, company) >= amount && await _token.AllowanceAsync(Context, company, Platform) >= amount;
}
