namespace ValueChain.Testing;

/// <summary>
/// A hardhat 3 node configured as a Shanghai-era chain (<c>hardfork: "shanghai"</c>: no transient storage, no MCOPY), for
/// the contracts built for Shanghai. <c>VALUECHAIN_HARDHAT_SHANGHAI_URL</c> or <c>VALUECHAIN_HARDHAT_SHANGHAI_COMMAND</c>
/// put another node in its place (an older consortium chain).
/// </summary>
public sealed class ShanghaiHardhatNode() : HardhatNode("VALUECHAIN_HARDHAT_SHANGHAI", "shanghai")
{
}
