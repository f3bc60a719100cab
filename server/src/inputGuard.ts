// Input that is not text a person would draft in: too large to parse on every keystroke, or
// binary. Such documents get a message instead of structure, and their text is left alone.

/** Real resolutions, even with annexes, stay far below this. */
export const MAX_DOCUMENT_LENGTH = 4 * 1024 * 1024;

export interface InputProblem {
  code: 'unres.tooLarge' | 'unres.binary';
  message: string;
}

export function checkInput(text: string): InputProblem | undefined {
  if (text.length > MAX_DOCUMENT_LENGTH) {
    return {
      code: 'unres.tooLarge',
      message: `This file has ${text.length.toLocaleString('en')} characters, more than the ${MAX_DOCUMENT_LENGTH.toLocaleString('en')} that UN Resolutions reads; outline, folding and highlighting are off for it.`,
    };
  }
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return binary();
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) return binary();
  return undefined;
}

function binary(): InputProblem {
  return { code: 'unres.binary', message: 'This file looks binary, not like resolution text; UN Resolutions features are off for it.' };
}
