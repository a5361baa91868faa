import { type EmailImage, imagesOf } from '../html/images';
import { startTag } from '../html/values';
import { visibilityOf } from '../html/visibility';
import { htmlParts } from '../html/parts';
import { defineRule } from '../rule';

/** How many of the largest images a finding points at (the first as the finding, the rest as related locations). */
const SHOWN_IMAGES = 5;

export const imageRatio = defineRule({
  id: 'image-ratio',
  category: 'images',
  defaultSeverity: 'warning',
  // SpamAssassin scores image-heavy HTML with little text between 1.2 and 2.8 points
  // (HTML_IMAGE_ONLY_04…32) and tracks text per image area with HTML_IMAGE_RATIO_02…08.
  weight: 1.5,
  fixable: false,
  options: {
    // SpamAssassin HTML_IMAGE_ONLY_04: images with 0–400 bytes of text, the highest-scoring band.
    minTextChars: { type: 'integer', default: 400, minimum: 0 },
    // SpamAssassin HTML_IMAGE_RATIO_02 fires below 0.002 characters of text per px² of image,
    // i.e. less than one character per 500 px² (a 600×400 hero needs about 500 characters).
    areaPerChar: { type: 'integer', default: 500, minimum: 1 },
    // Icons, logos, dividers and spacers are not what makes a message image-only.
    minImageSide: { type: 'integer', default: 50, minimum: 0 },
  },
  check(ctx) {
    const { source } = ctx.model;
    const { minTextChars, areaPerChar, minImageSide } = ctx.options;
    for (const part of htmlParts(ctx.model)) {
      const doc = part.html;
      const content: EmailImage[] = [];
      for (const img of imagesOf(part, source)) {
        if (img.tracking || img.hidden) continue;
        if (img.shownWidth < minImageSide || img.shownHeight < minImageSide) continue;
        content.push(img);
      }
      if (content.length === 0) continue;
      const area = content.reduce((sum, img) => sum + img.shownWidth * img.shownHeight, 0);
      const chars = visibilityOf(doc, source).visibleChars;
      const needed = Math.max(minTextChars, Math.ceil(area / areaPerChar));
      if (chars >= needed) continue;
      const largest = [...content].sort((a, b) => b.shownWidth * b.shownHeight - a.shownWidth * a.shownHeight || a.el.start - b.el.start).slice(0, SHOWN_IMAGES);
      ctx.report({
        ...startTag(largest[0].el),
        message: ctx.t('image-ratio.lowText', { chars, needed, area: Math.round(area), count: content.length }),
        related: largest.slice(1).map((img) => ({ ...startTag(img.el), message: ctx.t('image-ratio.related', { width: Math.round(img.shownWidth), height: Math.round(img.shownHeight) }) })),
        data: { chars, needed, area: Math.round(area), images: content.length },
      });
    }
  },
});
