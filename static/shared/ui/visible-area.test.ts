import { bandOf, cssVariablesOf } from './visible-area';

describe('the visible band of a content-tall frame', () => {
  it('spans from the first visible strip part to the last', () => {
    // Strips at 6,272 and 6,336 (64px each): the host's viewport starts 36px into the first and ends at 7,160.
    const band = bandOf([
      { docTop: 6_336, from: 0, to: 64 },
      { docTop: 6_272, from: 36, to: 64 },
      { docTop: 7_104, from: 0, to: 56 },
    ]);
    expect(band).toEqual({ top: 6_308, bottom: 7_160 });
  });

  it('is null when no strip is seen', () => {
    expect(bandOf([])).toBeNull();
  });

  it('gives the band in the viewport and what is hidden below it', () => {
    expect(cssVariablesOf({ top: 6_308, bottom: 6_900 }, 0, 7_160)).toEqual({
      '--accord-visible-top': '6308px',
      '--accord-visible-height': '592px',
      '--accord-hidden-below': '260px',
    });
    // A document that scrolls itself (no frame): the band moves up by the scroll.
    expect(cssVariablesOf({ top: 1_000, bottom: 1_900 }, 1_000, 900)).toEqual({
      '--accord-visible-top': '0px',
      '--accord-visible-height': '900px',
      '--accord-hidden-below': '0px',
    });
  });

  it('falls back to the whole viewport when nothing is measured', () => {
    expect(cssVariablesOf(null, 0, 900)).toEqual({
      '--accord-visible-top': '0px',
      '--accord-visible-height': '900px',
      '--accord-hidden-below': '0px',
    });
  });
});
