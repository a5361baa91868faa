import { makeFix } from '../fix';
import { imagesOf } from '../html/images';
import { parseUrl } from '../html/url';
import { removeElementEdit, startTag } from '../html/values';
import { defineRule } from '../rule';

export const trackingPixel = defineRule({
  id: 'tracking-pixel',
  category: 'images',
  // French loi Informatique et Libertés art. 82 (ePrivacy directive art. 5(3)) and the CNIL's
  // draft recommendation on tracking pixels in emails (public consultation, June–July 2025):
  // measuring each recipient's opens needs their prior consent; only security uses and
  // anonymous overall open rates are exempt.
  defaultSeverity: 'warning',
  weight: 0.1,
  fixable: false,
  hasSuggestions: true,
  check(ctx) {
    const { source } = ctx.model;
    for (const part of ctx.model.parts) {
      for (const img of imagesOf(part, source)) {
        if (!img.tracking) continue;
        let message: string;
        if (img.tracking === 'size') message = ctx.t('tracking-pixel.size', { width: side(img.width), height: side(img.height) });
        else if (img.tracking === 'host') message = ctx.t('tracking-pixel.host', { host: parseUrl(img.src!.value).host });
        else message = ctx.t('tracking-pixel.hidden');
        // Not preferred: removing it is a choice (the sender may have consent), so fix-all leaves it.
        const fix = makeFix(ctx.t('fix.removeTrackingPixel'), [removeElementEdit(part, source, img.el)]);
        ctx.report({ ...startTag(img.el), message, fixes: fix && [fix] });
      }
    }
  },
});

function side(px: number | undefined): string {
  return px === undefined ? '?' : String(Math.round(px * 10) / 10);
}
