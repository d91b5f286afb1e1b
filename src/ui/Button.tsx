// The one button style of the app. Variants, not ad-hoc classes, so touch
// target sizes and focus styles stay consistent across sections.
import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger';
  size?: 'normal' | 'primary';
}

export function Button({ variant = 'primary', size = 'normal', className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['button'];
  if (variant !== 'primary') classes.push(`button--${variant}`);
  if (size === 'primary') classes.push('button--primary-size');
  if (className) classes.push(className);
  return <button type={type} className={classes.join(' ')} {...rest} />;
}
