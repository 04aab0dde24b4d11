using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Contracts.ContractHandlers;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.NonceServices;
using ValueChain.Cryptography;
using ValueChain.Testing;
using NethereumAccount = Nethereum.Web3.Accounts.Account;
using NethereumWeb3 = Nethereum.Web3.Web3;

namespace ValueChain.Benchmarks;

/// <summary>
/// The test contract as a Nethereum 6.1 user binds it: <c>Web3</c> over an <c>Account</c> with its
/// in-memory nonce service (the documented way to send several transactions at once) and typed function
/// messages through a contract handler, as Nethereum's code generator emits them; Nethereum's defaults
/// for everything else (gas estimate, EIP-1559 fees by time preference, receipt polling). Typed messages,
/// not the untyped <c>Function.SendTransactionAsync(from)</c>: that one sends with the default gas of
/// 21 000 instead of estimating, and a contract call sent so stayed pending on anvil.
/// </summary>
internal sealed class NethereumProbe
{
    private readonly ContractHandler _contract;

    public NethereumProbe(Uri endpoint, PrivateKey key, Address contract)
    {
        var account = new NethereumAccount(key.ToBytes(), new BigInteger(AnvilNode.ChainId));
        var web3 = new NethereumWeb3(account, endpoint.ToString());
        // Without a nonce service every send asks the node for the pending count, which concurrent sends can share.
        account.NonceService = new InMemoryNonceService(account.Address, web3.Client);
        _contract = web3.Eth.GetContractHandler(contract.ToString());
    }

    /// <summary>The view call <c>counter()</c> (eth_call).</summary>
    public Task<BigInteger> CounterAsync() => _contract.QueryAsync<CounterFunction, BigInteger>(new CounterFunction());

    /// <summary><c>increment()</c>: estimate, sign, send, poll for the receipt; true when it succeeded (status 1).</summary>
    public async Task<bool> IncrementAsync()
    {
        TransactionReceipt receipt = await _contract.SendRequestAndWaitForReceiptAsync(new IncrementFunction());
        return receipt.Status?.Value == BigInteger.One;
    }

    /// <summary><c>counter() returns (uint256)</c>.</summary>
    [Function("counter", "uint256")]
    public sealed class CounterFunction : FunctionMessage;

    /// <summary><c>increment() returns (uint256)</c>.</summary>
    [Function("increment", "uint256")]
    public sealed class IncrementFunction : FunctionMessage;
}
