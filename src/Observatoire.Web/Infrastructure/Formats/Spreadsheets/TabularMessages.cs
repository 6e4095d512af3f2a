namespace Observatoire.Web.Infrastructure.Formats.Spreadsheets;

/// <summary>
/// Every French message a user may read when a file is refused, in one place (listed in docs/imports.md). Each says
/// what to do, and none names a path, a library or a stack.
/// </summary>
internal static class TabularMessages
{
    private static string Number(long value) => value.ToString("N0", French.Culture);

    private static string Megabytes(long bytes) => Number(bytes / (1024 * 1024)) + "\u00a0Mo";

    public const string Empty = "Le fichier est vide : choisissez le fichier qui contient le tableau à importer.";

    public const string NoHeader =
        "Le fichier ne contient aucune ligne remplie : la première ligne doit donner les noms des colonnes.";

    public const string Accepted = "importez un fichier .csv, .txt, .xlsx, .ods ou .json";

    public const string OldExcel =
        "Le format Excel 97-2003 (.xls) n'est pas accepté : dans votre tableur, enregistrez le fichier au format .xlsx " +
        "ou .ods, puis recommencez.";

    public const string MacroWorkbook =
        "Les classeurs à macros (.xlsm) ne sont pas acceptés : enregistrez le fichier au format .xlsx ou .ods, puis recommencez.";

    public const string UnknownType = "Ce type de fichier n'est pas accepté : " + Accepted + ".";

    public const string Unreadable =
        "Ce fichier n'est ni un tableau CSV, ni un classeur .xlsx ou .ods lisible : enregistrez le tableau dans l'un de " +
        "ces formats depuis votre tableur, puis recommencez.";

    public const string Damaged =
        "Le classeur est illisible (fichier abîmé ou incomplet) : ouvrez-le dans votre tableur, enregistrez-le de " +
        "nouveau, puis recommencez.";

    public const string MalformedCsv =
        "Le fichier CSV est mal formé : ouvrez-le dans votre tableur, enregistrez-le de nouveau au format CSV, puis recommencez.";

    public const string Protected =
        "Le classeur est protégé par un mot de passe : ouvrez-le dans votre tableur, enlevez le mot de passe, " +
        "enregistrez-le, puis recommencez.";

    public const string NoSheet = "Le classeur ne contient aucune feuille : vérifiez que vous avez choisi le bon fichier.";

    public const string AbnormalCompression =
        "Le classeur contient des données anormalement compressées : enregistrez-le de nouveau depuis votre tableur, " +
        "ou en CSV, puis recommencez.";

    public const string MalformedJson =
        "Le fichier JSON est mal formé ou trop imbriqué : il doit contenir une liste d'objets dont les valeurs sont des " +
        "textes, des nombres ou des listes de textes, comme l'export JSON des observations.";

    public const string JsonNotATable =
        "Le fichier JSON ne contient pas un tableau : il doit commencer par « [ » et contenir une liste d'objets, un objet " +
        "par ligne, comme l'export JSON des observations.";

    /// <summary>A key is the file's text: shortened so that a message stays a sentence.</summary>
    private static string Key(string key) => key.Length > 60 ? key[..60] + "…" : key;

    public static string JsonDuplicateKey(int line, string key) =>
        $"Ligne {Number(line)} : la clé « {Key(key)} » apparaît deux fois dans le même objet : gardez-en une seule.";

    public static string JsonNested(int line, string key) =>
        $"Ligne {Number(line)} : la valeur de « {Key(key)} » est un objet : donnez un texte, un nombre ou une liste de textes.";

    public static string TooLarge(long maxBytes) =>
        $"Le fichier dépasse {Megabytes(maxBytes)} : découpez-le en plusieurs fichiers, ou enlevez les colonnes et " +
        "les feuilles inutiles.";

    public static string TooLargeUncompressed(long maxBytes) =>
        $"Le classeur dépasse {Megabytes(maxBytes)} une fois décompressé : découpez-le en plusieurs fichiers, ou " +
        "enregistrez-le en CSV.";

    public static string TooManyRows(int maxRows) =>
        $"Le fichier dépasse {Number(maxRows)} lignes : découpez-le en plusieurs fichiers.";

    public static string TooManyColumns(int line, int maxColumns) =>
        $"Ligne {Number(line)} : le tableau dépasse {Number(maxColumns)} colonnes : gardez seulement les colonnes à importer.";

    public static string CellTooLong(int line, int column, int maxChars) =>
        $"Ligne {Number(line)}, colonne {Number(column)} : la cellule dépasse {Number(maxChars)} caractères : raccourcissez-la.";

    public static string BeyondHeader(int line, int column, int headerColumns) =>
        $"Ligne {Number(line)} : une valeur se trouve en colonne {Number(column)}, au-delà des {Number(headerColumns)} " +
        "colonnes nommées sur la ligne d'en-tête : donnez un nom à cette colonne, ou effacez la valeur.";

    public static string ExtensionMismatch(string extension, TabularFormat content) =>
        $"Le fichier porte l'extension {extension} mais contient {Describe(content)} : renommez-le en " +
        $"{ExtensionOf(content)}, ou enregistrez-le de nouveau au format {extension}.";

    private static string Describe(TabularFormat format) => format switch
    {
        TabularFormat.Csv => "du texte (CSV)",
        TabularFormat.Xlsx => "un classeur Excel (.xlsx)",
        TabularFormat.Json => "du JSON",
        _ => "un classeur LibreOffice (.ods)",
    };

    private static string ExtensionOf(TabularFormat format) => format switch
    {
        TabularFormat.Csv => ".csv",
        TabularFormat.Xlsx => ".xlsx",
        TabularFormat.Json => ".json",
        _ => ".ods",
    };
}
