// Namespaces most files of this project use, imported once (files keep the usings only they need).
global using Observatoire.Web.Infrastructure;
