using System.Globalization;
using ValueChain.Ledger;

namespace ValueChain.V2V;

// The obstacle map's state keys, in one place.
internal static class V2VKeys
{
    public static readonly string ObstacleCounter = ChaincodeState.Key("counter", "obstacle");

    public static readonly string SequenceCounter = ChaincodeState.Key("counter", "sequence");

    public static string Certificate(Address pseudonym) => ChaincodeState.Key("cert", pseudonym.ToLowerHex());

    public static string Reputation(Address pseudonym) => ChaincodeState.Key("rep", pseudonym.ToLowerHex());

    public static string Obstacle(long id) => ChaincodeState.Key("obstacle", Number(id));

    public static string Report(Hash32 digest) => ChaincodeState.Key("report", digest.ToString());

    public static string Batch(Hash32 root) => ChaincodeState.Key("batch", root.ToString());

    public static string Sequence(long sequence) => ChaincodeState.Key("seq", Number(sequence));

    public static string[] ActiveCell(GridCell cell) => ["cell", Cell(cell.Latitude), Cell(cell.Longitude)];

    public static string ActiveInCell(GridCell cell, long obstacleId) => ChaincodeState.Key([.. ActiveCell(cell), Number(obstacleId)]);

    public static string ConfirmedBy(long obstacleId, Address pseudonym) => ChaincodeState.Key("confirmed", Number(obstacleId), pseudonym.ToLowerHex());

    public static string[] CellsOf(long obstacleId) => ["cells", Number(obstacleId)];

    public static string CellOf(long obstacleId, GridCell cell) => ChaincodeState.Key([.. CellsOf(obstacleId), Cell(cell.Latitude), Cell(cell.Longitude)]);

    public static string[] ReportCell(GridCell cell) => ["rcell", Cell(cell.Latitude), Cell(cell.Longitude)];

    public static string ReportInCell(GridCell cell, long sequence) => ChaincodeState.Key([.. ReportCell(cell), Number(sequence)]);

    public static string[] ReportsOf(Address pseudonym) => ["reporter", pseudonym.ToLowerHex()];

    public static string ReportOf(Address pseudonym, long sequence) => ChaincodeState.Key([.. ReportsOf(pseudonym), Number(sequence)]);

    public static string Number(long value) => value.ToString("D12", CultureInfo.InvariantCulture);

    private static string Cell(long value) => value.ToString(CultureInfo.InvariantCulture);
}
