/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.MechanistPackage;
import io.mechanist.model.ResultArray;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EDataTypeEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Result Array</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.impl.ResultArrayImpl#getName <em>Name</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ResultArrayImpl#getTensorName <em>Tensor Name</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ResultArrayImpl#getShape <em>Shape</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ResultArrayImpl#getAxes <em>Axes</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ResultArrayImpl extends MinimalEObjectImpl.Container implements ResultArray {
	/**
	 * The default value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected static final String NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getName() <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getName()
	 * @generated
	 * @ordered
	 */
	protected String name = NAME_EDEFAULT;

	/**
	 * The default value of the '{@link #getTensorName() <em>Tensor Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTensorName()
	 * @generated
	 * @ordered
	 */
	protected static final String TENSOR_NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getTensorName() <em>Tensor Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTensorName()
	 * @generated
	 * @ordered
	 */
	protected String tensorName = TENSOR_NAME_EDEFAULT;

	/**
	 * The cached value of the '{@link #getShape() <em>Shape</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getShape()
	 * @generated
	 * @ordered
	 */
	protected EList<Integer> shape;

	/**
	 * The cached value of the '{@link #getAxes() <em>Axes</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAxes()
	 * @generated
	 * @ordered
	 */
	protected EList<String> axes;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ResultArrayImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MechanistPackage.Literals.RESULT_ARRAY;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
		return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setName(String newName) {
		String oldName = name;
		name = newName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.RESULT_ARRAY__NAME, oldName, name));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getTensorName() {
		return tensorName;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTensorName(String newTensorName) {
		String oldTensorName = tensorName;
		tensorName = newTensorName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.RESULT_ARRAY__TENSOR_NAME, oldTensorName, tensorName));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Integer> getShape() {
		if (shape == null) {
			shape = new EDataTypeEList<Integer>(Integer.class, this, MechanistPackage.RESULT_ARRAY__SHAPE);
		}
		return shape;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<String> getAxes() {
		if (axes == null) {
			axes = new EDataTypeEList<String>(String.class, this, MechanistPackage.RESULT_ARRAY__AXES);
		}
		return axes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MechanistPackage.RESULT_ARRAY__NAME:
				return getName();
			case MechanistPackage.RESULT_ARRAY__TENSOR_NAME:
				return getTensorName();
			case MechanistPackage.RESULT_ARRAY__SHAPE:
				return getShape();
			case MechanistPackage.RESULT_ARRAY__AXES:
				return getAxes();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MechanistPackage.RESULT_ARRAY__NAME:
				setName((String)newValue);
				return;
			case MechanistPackage.RESULT_ARRAY__TENSOR_NAME:
				setTensorName((String)newValue);
				return;
			case MechanistPackage.RESULT_ARRAY__SHAPE:
				getShape().clear();
				getShape().addAll((Collection<? extends Integer>)newValue);
				return;
			case MechanistPackage.RESULT_ARRAY__AXES:
				getAxes().clear();
				getAxes().addAll((Collection<? extends String>)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MechanistPackage.RESULT_ARRAY__NAME:
				setName(NAME_EDEFAULT);
				return;
			case MechanistPackage.RESULT_ARRAY__TENSOR_NAME:
				setTensorName(TENSOR_NAME_EDEFAULT);
				return;
			case MechanistPackage.RESULT_ARRAY__SHAPE:
				getShape().clear();
				return;
			case MechanistPackage.RESULT_ARRAY__AXES:
				getAxes().clear();
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MechanistPackage.RESULT_ARRAY__NAME:
				return NAME_EDEFAULT == null ? name != null : !NAME_EDEFAULT.equals(name);
			case MechanistPackage.RESULT_ARRAY__TENSOR_NAME:
				return TENSOR_NAME_EDEFAULT == null ? tensorName != null : !TENSOR_NAME_EDEFAULT.equals(tensorName);
			case MechanistPackage.RESULT_ARRAY__SHAPE:
				return shape != null && !shape.isEmpty();
			case MechanistPackage.RESULT_ARRAY__AXES:
				return axes != null && !axes.isEmpty();
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (name: ");
		result.append(name);
		result.append(", tensorName: ");
		result.append(tensorName);
		result.append(", shape: ");
		result.append(shape);
		result.append(", axes: ");
		result.append(axes);
		result.append(')');
		return result.toString();
	}

} //ResultArrayImpl
