package dev.ronbun.recommend.digests;

/**
 * A paper as a digest lists it; the templates escape every field.
 *
 * @param pageUrl  the paper's page in the web UI
 * @param arxivAbs arXiv's abstract page, null for a paper without an arXiv id
 * @param arxivPdf arXiv's PDF, null likewise
 */
@io.quarkus.qute.TemplateData
public record DigestItem(String title, String snippet, String why, String pageUrl, String arxivAbs, String arxivPdf) {
}
