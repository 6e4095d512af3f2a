namespace Observatoire.Web.Domain;

/// <summary>Emploi, éducation, citoyenneté — extensible by administrators.</summary>
public class Theme : ReferenceValue;

/// <summary>A public: demandeurs d'emploi, jeunes, habitants, seniors…</summary>
public class Audience : ReferenceValue;
