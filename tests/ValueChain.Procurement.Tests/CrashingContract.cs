using System.Reflection;

namespace ValueChain.Procurement.Tests;

/// <summary>
/// A port whose next call of one method "crashes" the caller: before the call reaches the ledger, or after it was
/// recorded but before the caller saw the receipt (a process killed mid-step).
/// </summary>
public class CrashingContract : DispatchProxy
{
    private IProcurementContract _inner = null!;
    private string _method = "";
    private bool _afterLedger;

    public static IProcurementContract Wrap(IProcurementContract inner, string method, bool afterLedger)
    {
        IProcurementContract proxy = Create<IProcurementContract, CrashingContract>();
        var crashing = (CrashingContract)(object)proxy;
        (crashing._inner, crashing._method, crashing._afterLedger) = (inner, method, afterLedger);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name != _method)
        {
            return targetMethod.Invoke(_inner, args);
        }

        if (!_afterLedger)
        {
            throw new InvalidOperationException("crashed before the ledger");
        }

        // Run the call to completion on the ledger, then lose its answer.
        ((Task)targetMethod.Invoke(_inner, args)!).GetAwaiter().GetResult();
        throw new InvalidOperationException("crashed after the ledger");
    }
}
