// The phone kit (issue 16): the class teacher's pages in plain HTML, no antd, no icon library.
// One stylesheet for all of it (phone.css), imported by each component: the app's package.json declares only CSS as
// side effects, so the bundler skips this index itself and a stylesheet imported here would be dropped.

export { Banner, type BannerProps, type BannerTone } from './banner';
export { Button, type ButtonProps } from './button';
export { CheckGroup, Checkbox, ChoiceGroup, type CheckboxProps, type CheckGroupProps, type ChoiceGroupProps, type ChoiceOption } from './choice-group';
export { Dialog, type DialogProps } from './dialog';
export { CheckIcon, Icon, PhoneIcon, type IconName } from './icons';
export { PageTitle, type PageTitleProps } from './page-title';
export { Spinner } from './spinner';
export { StatusBadge, type BadgeTone } from './status-badge';
export { TextField, type TextFieldProps } from './text-field';
export { toast, Toaster, type ToastTone } from './toast';
